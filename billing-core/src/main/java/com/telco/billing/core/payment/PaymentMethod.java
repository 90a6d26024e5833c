package com.telco.billing.core.payment;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How an account pays: a gateway token (a card or wallet the gateway holds), a SEPA direct debit
 * mandate, or manually (bank transfer). The first two are collected automatically.
 */
public sealed interface PaymentMethod
    permits PaymentMethod.GatewayToken, PaymentMethod.DirectDebit, PaymentMethod.Manual {

  String TOKEN = "token";
  String DIRECT_DEBIT = "direct_debit";
  String MANUAL = "manual";

  /** {@code token}, {@code direct_debit} or {@code manual}. */
  String kind();

  /** Whether the collection driver collects invoices of this method. */
  default boolean isAutomatic() {
    return !(this instanceof Manual);
  }

  /** A token the payment gateway issued for a card or wallet. */
  record GatewayToken(String token) implements PaymentMethod {
    public GatewayToken {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String kind() {
      return TOKEN;
    }

    @Override
    public String toString() {
      return "GatewayToken[...]";
    }
  }

  /**
   * A SEPA Core direct debit mandate. The IBAN is normalised (no spaces, upper case); {@link
   * #toString()} never shows it.
   */
  record DirectDebit(
      String iban, String bic, String mandateId, LocalDate signedOn, String debtorName)
      implements PaymentMethod {
    public DirectDebit {
      Objects.requireNonNull(iban, "iban");
      Objects.requireNonNull(mandateId, "mandateId");
      Objects.requireNonNull(signedOn, "signedOn");
    }

    @Override
    public String kind() {
      return DIRECT_DEBIT;
    }

    @Override
    public String toString() {
      return "DirectDebit[mandate " + mandateId + "]";
    }
  }

  /** Paid by bank transfer; finance records the payments. */
  record Manual() implements PaymentMethod {
    @Override
    public String kind() {
      return MANUAL;
    }
  }
}
