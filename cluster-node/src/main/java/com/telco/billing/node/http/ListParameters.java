package com.telco.billing.node.http;

import com.telco.billing.core.validation.Validated;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the paged list endpoints check of their query before doing anything else: only the
 * parameters they know, each at most once, values valid by the rules of {@code
 * core.paging.ListBounds}, a {@code cursor} that decodes. Each failure is a 400 naming the field;
 * no message repeats a submitted value.
 */
public final class ListParameters {
  private ListParameters() {}

  /**
   * The parameters as single values, or 400 {@code unknown_parameter} (a name the endpoint does not
   * take: a typo would otherwise silently widen the query to its defaults) or {@code
   * duplicate_parameter}.
   */
  public static Map<String, String> only(Map<String, List<String>> given, Set<String> allowed) {
    Map<String, String> single = new HashMap<>();
    for (Map.Entry<String, List<String>> entry : given.entrySet()) {
      if (!allowed.contains(entry.getKey())) {
        throw Refusal.of(
                RefusalCode.UNKNOWN_PARAMETER,
                null,
                "unknown query parameter; this endpoint takes "
                    + String.join(", ", new TreeSet<>(allowed)))
            .toException();
      }
      if (entry.getValue().size() != 1) {
        throw Refusal.of(
                RefusalCode.DUPLICATE_PARAMETER,
                entry.getKey(),
                entry.getKey() + " may be given once")
            .toException();
      }
      single.put(entry.getKey(), entry.getValue().get(0));
    }
    return single;
  }

  /** The value, or 400 with the rule's errors. */
  public static <T> T valid(Validated<T> validated) {
    if (!validated.isValid()) {
      throw Refusal.invalid(validated.errors()).toException();
    }
    return validated.value();
  }
}
