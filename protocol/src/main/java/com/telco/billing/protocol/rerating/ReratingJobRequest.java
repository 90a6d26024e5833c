package com.telco.billing.protocol.rerating;

import com.telco.billing.core.account.AccountProfileRules;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.IsoInstants;
import com.telco.billing.core.validation.PlausibleDates;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import com.telco.billing.protocol.CborSerializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Body of {@code POST /rerating-jobs}, before validation (docs/rerating.md): which usage to rate
 * again with the catalog in effect, and why.
 *
 * @param accounts the accounts whose usage is rated again (1 to {@value #MAX_ACCOUNTS}); or
 * @param offeringId every account's usage rated by this offering's charges
 * @param from the first usage instant rated again (ISO-8601 with offset)
 * @param to the first usage instant after the range, after {@code from}
 * @param reason why, at most {@value #MAX_REASON_LENGTH} characters (kept with the job)
 */
public record ReratingJobRequest(
    List<String> accounts, String offeringId, String from, String to, String reason) {

  public static final int MAX_ACCOUNTS = 1000;
  public static final int MAX_REASON_LENGTH = 200;

  /** Offering ids: as the catalog names them. */
  static final Pattern OFFERING_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** The job's selection, or every problem of the request. */
  public Validated<Valid> validate() {
    Validator v = new Validator();
    boolean byAccounts = accounts != null;
    boolean byOffering = offeringId != null;
    if (byAccounts == byOffering) {
      v.add(
          new FieldError(
              "required", "accounts", "give either accounts or offeringId (exactly one of them)"));
    } else if (byAccounts) {
      if (accounts.isEmpty() || accounts.size() > MAX_ACCOUNTS) {
        v.add(
            new FieldError(
                "invalid_value",
                "accounts",
                "accounts lists 1 to " + MAX_ACCOUNTS + " account ids"));
      } else {
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
          String field = "accounts[" + i + "]";
          if (v.requireFormat(
                  accounts.get(i),
                  field,
                  64,
                  AccountProfileRules.ACCOUNT_ID,
                  "1 to 64 letters, digits, '.', '_' or '-', the first a letter or digit")
              && !seen.add(accounts.get(i))) {
            v.add(new FieldError("invalid_value", field, "an account listed twice"));
          }
        }
      }
    } else {
      v.requireFormat(
          offeringId,
          "offeringId",
          64,
          OFFERING_ID,
          "1 to 64 letters, digits, '.', '_' or '-', the first a letter or digit");
    }
    Instant start = instant(v, from, "from");
    Instant end = instant(v, to, "to");
    if (start != null && end != null && !end.isAfter(start)) {
      v.add(new FieldError("invalid_range", "to", "to must be after from"));
    }
    v.requireFreeText(reason, "reason", MAX_REASON_LENGTH);
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(
        new Valid(
            byAccounts ? List.copyOf(accounts) : null, offeringId, start, end, reason.strip()));
  }

  private static Instant instant(Validator v, String text, String field) {
    if (!v.requireText(text, field)) {
      return null;
    }
    try {
      Instant parsed = IsoInstants.parseOffsetDateTime(text);
      if (!PlausibleDates.isPlausible(parsed)) {
        v.add(
            new FieldError(
                "invalid_instant", field, "instants must lie in the years 2000 to 2099"));
        return null;
      }
      return parsed;
    } catch (DateTimeParseException e) {
      v.add(
          new FieldError(
              "invalid_instant",
              field,
              "not an ISO-8601 date-time with offset, e.g. 2026-01-01T00:00:00Z"));
      return null;
    }
  }

  /**
   * A validated job request.
   *
   * @param accounts the accounts, or {@code null} when the job selects by offering
   * @param offeringId the offering, or {@code null} when the job names accounts
   */
  public record Valid(
      List<String> accounts, String offeringId, Instant from, Instant to, String reason)
      implements CborSerializable {

    /** What identifies the request for idempotent replays. */
    public String fingerprint() {
      return String.join(
          "|",
          accounts == null ? "" : String.join(",", accounts),
          offeringId == null ? "" : offeringId,
          from.toString(),
          to.toString(),
          reason);
    }
  }
}
