package com.telco.billing.core.subscription;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.PlausibleDates;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A subscription activation as order management / product inventory sends it (TMF622 order
 * completed, TMF637 product created), before validation: every field may be missing or wrong.
 * {@link #validate()} reports every problem at once, naming the field, and normalises the service
 * identifiers (see {@link ServiceId#parse}).
 *
 * @param subscriptionId the subscription's id
 * @param offeringId the product offering
 * @param serviceIds the service identifiers, each a type and a value
 * @param activationDate the activation date fulfilment reports, ISO {@code yyyy-MM-dd}, in the
 *     account's zone; may be in the future
 */
public record SubscriptionDraft(
    String subscriptionId,
    String offeringId,
    List<ServiceIdDraft> serviceIds,
    String activationDate) {

  /** Subscription and offering ids: letters, digits, '.', '_', '-'; 1..64, alphanumeric first. */
  public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** At most this many service identifiers per subscription. */
  public static final int MAX_SERVICE_IDS = 16;

  /**
   * A service identifier as sent.
   *
   * @param type {@code MSISDN} or {@code IMSI}
   * @param value the identifier in any accepted spelling
   */
  public record ServiceIdDraft(String type, String value) {}

  /** Checks every field and returns the activation command or all problems found. */
  public Validated<ActivateSubscription> validate() {
    Validator v = new Validator();
    requireIdentifier(v, subscriptionId, "subscriptionId");
    requireIdentifier(v, offeringId, "offeringId");
    List<ServiceId> parsed = parseServiceIds(v);
    LocalDate date = parseDate(v, activationDate, "activationDate");
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(new ActivateSubscription(subscriptionId, offeringId, parsed, date));
  }

  static void requireIdentifier(Validator v, String value, String field) {
    v.requireFormat(
        value,
        field,
        IDENTIFIER,
        "1..64 letters, digits, '.', '_' or '-', starting with a letter or digit");
  }

  static LocalDate parseDate(Validator v, String value, String field) {
    return PlausibleDates.parse(v, value, field);
  }

  private List<ServiceId> parseServiceIds(Validator v) {
    if (serviceIds == null || serviceIds.isEmpty()) {
      v.add(new FieldError("required", "serviceIds", "serviceIds needs at least one identifier"));
      return List.of();
    }
    if (serviceIds.size() > MAX_SERVICE_IDS) {
      v.add(
          new FieldError(
              "too_many",
              "serviceIds",
              "serviceIds holds at most " + MAX_SERVICE_IDS + " identifiers"));
      return List.of();
    }
    List<ServiceId> parsed = new ArrayList<>();
    Map<ServiceId, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < serviceIds.size(); i++) {
      String path = "serviceIds[" + i + "]";
      ServiceIdDraft draft = serviceIds.get(i);
      if (draft == null) {
        v.add(new FieldError("required", path, path + " is required"));
        continue;
      }
      Validated<ServiceId> one = ServiceId.parse(draft.type(), draft.value(), path);
      if (!one.isValid()) {
        one.errors().forEach(v::add);
        continue;
      }
      Integer earlier = firstIndex.putIfAbsent(one.value(), i);
      if (earlier != null) {
        v.add(
            new FieldError(
                "duplicate_service_id",
                path,
                path + " is the same identifier as serviceIds[" + earlier + "]"));
        continue;
      }
      parsed.add(one.value());
    }
    return parsed;
  }
}
