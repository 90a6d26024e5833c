package com.telco.billing.node.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of notification the outbox sends (docs/notifications.md, "Events"); subscribers name
 * them by {@link #wireName()}.
 */
public enum NotificationType {
  /** An invoice was issued (its register entry). */
  INVOICE_ISSUED("invoice.issued"),
  /** A payment was received and allocated. */
  PAYMENT_SUCCEEDED("payment.succeeded"),
  /** The gateway declined a collection attempt. */
  PAYMENT_FAILED("payment.failed"),
  /** A step of a dunning policy fired. */
  DUNNING_STEP("dunning.step"),
  /** The account's subscriptions were barred. */
  SERVICE_BARRED("service.barred"),
  /** The account's barred subscriptions were unbarred. */
  SERVICE_UNBARRED("service.unbarred");

  /** What a subscription names to get every type. */
  public static final String ALL = "*";

  private final String wireName;

  NotificationType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The type named {@code wireName}, if there is one. */
  public static Optional<NotificationType> fromWire(String wireName) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
  }
}
