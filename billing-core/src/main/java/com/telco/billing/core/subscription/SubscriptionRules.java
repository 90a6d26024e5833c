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
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules a subscription activation's or change's fields obey, each adding its problems to a
 * {@link Validator} so that a request shape can report every problem at once, naming the field.
 */
public final class SubscriptionRules {

  /** Subscription and offering ids: letters, digits, '.', '_', '-'; 1..64, alphanumeric first. */
  public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** At most this many service identifiers per subscription. */
  public static final int MAX_SERVICE_IDS = 16;

  private SubscriptionRules() {}

  /** A subscription or offering id: required, {@link #IDENTIFIER}. */
  public static void requireIdentifier(Validator v, String value, String field) {
    v.requireFormat(
        value,
        field,
        IDENTIFIER,
        "1..64 letters, digits, '.', '_' or '-', starting with a letter or digit");
  }

  /** An activation or effective date: required, ISO, plausible (see {@link PlausibleDates}). */
  public static LocalDate parseDate(Validator v, String value, String field) {
    return PlausibleDates.parse(v, value, field);
  }

  /**
   * A subscription's service identifiers: 1..{@link #MAX_SERVICE_IDS}, each parsed by {@link
   * ServiceId#parse} (normalised), none the same identifier as an earlier one.
   *
   * @param field the list's field name; each element is reported as {@code field[i]}
   * @param type an element's identifier type as sent
   * @param value an element's identifier as sent
   * @return the parsed identifiers that passed, in order
   */
  public static <T> List<ServiceId> parseServiceIds(
      Validator v,
      List<T> serviceIds,
      String field,
      Function<T, String> type,
      Function<T, String> value) {
    if (serviceIds == null || serviceIds.isEmpty()) {
      v.add(new FieldError("required", field, field + " needs at least one identifier"));
      return List.of();
    }
    if (serviceIds.size() > MAX_SERVICE_IDS) {
      v.add(
          new FieldError(
              "too_many", field, field + " holds at most " + MAX_SERVICE_IDS + " identifiers"));
      return List.of();
    }
    List<ServiceId> parsed = new ArrayList<>();
    Map<ServiceId, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < serviceIds.size(); i++) {
      String path = field + "[" + i + "]";
      T draft = serviceIds.get(i);
      if (draft == null) {
        v.add(new FieldError("required", path, path + " is required"));
        continue;
      }
      Validated<ServiceId> one = ServiceId.parse(type.apply(draft), value.apply(draft), path);
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
                path + " is the same identifier as " + field + "[" + earlier + "]"));
        continue;
      }
      parsed.add(one.value());
    }
    return parsed;
  }
}
