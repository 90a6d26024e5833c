package com.telco.billing.core.dunning;

import com.telco.billing.core.account.AccountProfileRules;
import com.telco.billing.core.catalog.CatalogValidator;
import com.telco.billing.core.dunning.DunningPolicyDraft.AmountDraft;
import com.telco.billing.core.dunning.DunningPolicyDraft.LateFeeDraft;
import com.telco.billing.core.dunning.DunningPolicyDraft.StepDraft;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a dunning policy obeys before it may be published (docs/dunning.md, "Policies";
 * docs/billing-rules.md, "Dunning": steps keyed by days past due and a minimum overdue amount).
 * {@link #validate} reports every problem at once, each with the JSON path of its field ({@code
 * $.steps[2].day}):
 *
 * <ul>
 *   <li>{@code policyId}: 1..64 letters, digits, '.', '_' or '-'; {@code legalEntity}: {@link
 *       AccountProfileRules#LEGAL_ENTITY}; {@code segment}: optional, {@link
 *       AccountProfileRules#SEGMENT}.
 *   <li>{@code minimumOverdue}: at least one currency, each once, ISO 4217, an amount of at least 0
 *       with at most the currency's minor units.
 *   <li>{@code steps}: at least one; names unique; days 1..{@value #MAX_DAY}, strictly increasing;
 *       at least one action each, every one known and none twice.
 *   <li>{@code lateFee}: required when a step takes {@code late_fee}, not allowed otherwise; either
 *       {@code fixed} (a positive amount in exactly the currencies of {@code minimumOverdue}) or
 *       {@code percent} (more than 0, at most 100, at most {@value #PERCENT_DECIMALS} decimals);
 *       {@code taxCategory} required; {@code description} optional free text (default {@value
 *       #DEFAULT_FEE_DESCRIPTION}).
 * </ul>
 *
 * <p>Amounts are kept with exactly the currency's minor units and the percentage without trailing
 * zeros, so that two documents that differ only in how a number is written give the same policy.
 */
public final class DunningPolicyRules {
  private DunningPolicyRules() {}

  /** Policy ids: 1..64 letters, digits, '.', '_', '-', starting with a letter or digit. */
  public static final Pattern POLICY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Step names: like policy ids. */
  public static final Pattern STEP_NAME = POLICY_ID;

  /** The latest day past due a step may take (ten years). */
  public static final int MAX_DAY = 3650;

  /** Most decimals of a percentage fee. */
  public static final int PERCENT_DECIMALS = 4;

  /** Most digits before the decimal point of an amount. */
  static final int MAX_INTEGER_DIGITS = 12;

  /** Longest fee description. */
  public static final int MAX_DESCRIPTION_LENGTH = 200;

  /** The invoice line text of a late fee published without a description. */
  public static final String DEFAULT_FEE_DESCRIPTION = "Late payment fee";

  /** The version of a validated policy that is not published yet. */
  public static final int UNPUBLISHED = 0;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final String ID_RULE =
      "1..64 letters, digits, '.', '_' or '-', starting with a letter or digit";

  /**
   * The policy the draft describes, version {@value #UNPUBLISHED} and without {@code publishedAt}
   * (the policy store numbers and stamps it), or every problem found.
   */
  public static Validated<DunningPolicy> validate(DunningPolicyDraft draft) {
    Validator v = new Validator();
    if (draft == null) {
      v.add(new FieldError("required", "$", "the policy is required"));
      return Validated.invalid(v.errors());
    }
    v.requireFormat(draft.policyId(), "$.policyId", POLICY_ID, ID_RULE);
    v.requireFormat(
        draft.legalEntity(),
        "$.legalEntity",
        AccountProfileRules.LEGAL_ENTITY,
        "1..32 upper-case letters, digits, '_' or '-'");
    String segment = AccountProfileRules.segment(v, draft.segment(), "$.segment");
    Map<Currency, BigDecimal> minimum = minimumOverdue(v, draft.minimumOverdue());
    List<DunningStep> steps = steps(v, draft.steps());
    boolean charges = takesLateFee(draft.steps());
    LateFee lateFee = null;
    if (draft.lateFee() == null) {
      v.require(
          !charges,
          "required",
          "$.lateFee",
          "$.lateFee is required when a step takes the late_fee action");
    } else if (!charges) {
      v.add(
          new FieldError(
              "not_allowed", "$.lateFee", "$.lateFee applies only when a step takes late_fee"));
    } else {
      lateFee = lateFee(v, draft.lateFee(), draft.minimumOverdue() == null ? null : minimum);
    }
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(
        new DunningPolicy(
            draft.policyId(),
            UNPUBLISHED,
            draft.legalEntity(),
            segment,
            minimum,
            steps,
            lateFee,
            null));
  }

  /** Whether a step of the draft names the {@code late_fee} action, valid or not. */
  private static boolean takesLateFee(List<StepDraft> steps) {
    String lateFee = DunningAction.LATE_FEE.wireName();
    return steps != null
        && steps.stream()
            .anyMatch(s -> s != null && s.actions() != null && s.actions().contains(lateFee));
  }

  private static Map<Currency, BigDecimal> minimumOverdue(Validator v, List<AmountDraft> drafts) {
    Map<Currency, BigDecimal> minimum = new LinkedHashMap<>();
    if (drafts == null || drafts.isEmpty()) {
      v.add(
          new FieldError(
              "required", "$.minimumOverdue", "$.minimumOverdue needs at least one currency"));
      return minimum;
    }
    for (int i = 0; i < drafts.size(); i++) {
      String path = "$.minimumOverdue[" + i + "]";
      Amount amount = amount(v, drafts.get(i), path, false);
      if (amount != null && minimum.putIfAbsent(amount.currency(), amount.value()) != null) {
        v.add(duplicateCurrency(path));
      }
    }
    return minimum;
  }

  private static List<DunningStep> steps(Validator v, List<StepDraft> drafts) {
    List<DunningStep> steps = new ArrayList<>();
    if (drafts == null || drafts.isEmpty()) {
      v.add(new FieldError("required", "$.steps", "$.steps needs at least one step"));
      return steps;
    }
    Set<String> names = new HashSet<>();
    Integer previousDay = null;
    for (int i = 0; i < drafts.size(); i++) {
      String path = "$.steps[" + i + "]";
      StepDraft draft = drafts.get(i);
      if (draft == null) {
        v.add(new FieldError("required", path, path + " must not be null"));
        continue;
      }
      int mark = v.errors().size();
      if (v.requireFormat(draft.name(), path + ".name", STEP_NAME, ID_RULE)
          && !names.add(draft.name())) {
        v.add(
            new FieldError(
                "duplicate_step_name", path + ".name", path + ".name is the name of another step"));
      }
      Integer day = day(v, draft.day(), path + ".day", previousDay);
      if (day != null) {
        previousDay = previousDay == null ? day : Math.max(previousDay, day);
      }
      List<DunningAction> actions = actions(v, draft.actions(), path + ".actions");
      if (v.errors().size() == mark) {
        steps.add(new DunningStep(draft.name(), day, actions));
      }
    }
    return steps;
  }

  /** The day if it is in range (also when not after the previous one, to go on comparing). */
  private static Integer day(Validator v, Integer day, String path, Integer previousDay) {
    if (day == null) {
      v.add(new FieldError("required", path, path + " is required"));
      return null;
    }
    if (day < 1 || day > MAX_DAY) {
      v.add(new FieldError("out_of_range", path, path + " must be between 1 and " + MAX_DAY));
      return null;
    }
    v.require(
        previousDay == null || day > previousDay,
        "day_not_increasing",
        path,
        path + " must be after the days of the steps before");
    return day;
  }

  private static List<DunningAction> actions(Validator v, List<String> names, String path) {
    List<DunningAction> actions = new ArrayList<>();
    if (names == null || names.isEmpty()) {
      v.add(new FieldError("required", path, path + " needs at least one action"));
      return actions;
    }
    Set<DunningAction> seen = EnumSet.noneOf(DunningAction.class);
    for (int j = 0; j < names.size(); j++) {
      String field = path + "[" + j + "]";
      if (!v.requireText(names.get(j), field)) {
        continue;
      }
      Optional<DunningAction> action = DunningAction.fromWire(names.get(j));
      if (action.isEmpty()) {
        v.add(
            new FieldError(
                "unknown_action",
                field,
                field
                    + " must be one of reminder, payment_retry, late_fee, suspend_service,"
                    + " terminate, collections"));
      } else if (!seen.add(action.get())) {
        v.add(new FieldError("duplicate_action", field, field + " is taken twice by the step"));
      } else {
        actions.add(action.get());
      }
    }
    return actions;
  }

  /**
   * @param minimum the valid minimum amounts, or null when {@code minimumOverdue} is missing
   */
  private static LateFee lateFee(
      Validator v, LateFeeDraft draft, Map<Currency, BigDecimal> minimum) {
    boolean fixedGiven = draft.fixed() != null && !draft.fixed().isEmpty();
    boolean percentGiven = draft.percent() != null;
    Map<Currency, BigDecimal> fixed = new LinkedHashMap<>();
    BigDecimal percent = null;
    if (fixedGiven == percentGiven) {
      v.add(
          new FieldError(
              "fixed_or_percent",
              "$.lateFee",
              "$.lateFee must have either fixed amounts or a percent, not both"));
    } else if (fixedGiven) {
      fixed = fixedFee(v, draft.fixed(), minimum);
    } else {
      percent = percent(v, draft.percent(), "$.lateFee.percent");
    }
    v.requireFormat(draft.taxCategory(), "$.lateFee.taxCategory", CatalogValidator.ID, ID_RULE);
    String description = draft.description();
    if (description == null) {
      description = DEFAULT_FEE_DESCRIPTION;
    } else {
      v.requireFreeText(description, "$.lateFee.description", MAX_DESCRIPTION_LENGTH);
    }
    return new LateFee(
        fixed, percent, Objects.requireNonNullElse(draft.taxCategory(), ""), description.strip());
  }

  private static Map<Currency, BigDecimal> fixedFee(
      Validator v, List<AmountDraft> drafts, Map<Currency, BigDecimal> minimum) {
    Map<Currency, BigDecimal> fixed = new LinkedHashMap<>();
    for (int i = 0; i < drafts.size(); i++) {
      String path = "$.lateFee.fixed[" + i + "]";
      Amount amount = amount(v, drafts.get(i), path, true);
      if (amount == null) {
        continue;
      }
      if (fixed.putIfAbsent(amount.currency(), amount.value()) != null) {
        v.add(duplicateCurrency(path));
      } else if (minimum != null && !minimum.containsKey(amount.currency())) {
        v.add(
            new FieldError(
                "currency_not_dunned",
                path + ".unit",
                path + ".unit must be a currency of $.minimumOverdue"));
      }
    }
    if (minimum != null) {
      v.require(
          fixed.keySet().containsAll(minimum.keySet()),
          "missing_currency",
          "$.lateFee.fixed",
          "$.lateFee.fixed needs an amount in every currency of $.minimumOverdue");
    }
    return fixed;
  }

  private static BigDecimal percent(Validator v, BigDecimal percent, String path) {
    if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
      v.add(new FieldError("out_of_range", path, path + " must be more than 0 and at most 100"));
      return null;
    }
    BigDecimal stripped = percent.stripTrailingZeros();
    if (stripped.scale() > PERCENT_DECIMALS) {
      v.add(
          new FieldError(
              "amount_precision",
              path,
              path + " must have at most " + PERCENT_DECIMALS + " decimals"));
      return null;
    }
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private record Amount(Currency currency, BigDecimal value) {}

  /** The amount with exactly the currency's minor units, or null with its problems added. */
  private static Amount amount(Validator v, AmountDraft draft, String path, boolean positive) {
    if (draft == null) {
      v.add(new FieldError("required", path, path + " must not be null"));
      return null;
    }
    Currency currency = AccountProfileRules.parseCurrency(v, draft.unit(), path + ".unit");
    String field = path + ".value";
    BigDecimal value = draft.value();
    if (value == null) {
      v.add(new FieldError("required", field, field + " is required"));
      return null;
    }
    if (positive && value.signum() <= 0) {
      v.add(new FieldError("amount_not_positive", field, field + " must be positive"));
      return null;
    }
    if (value.signum() < 0) {
      v.add(new FieldError("out_of_range", field, field + " must not be negative"));
      return null;
    }
    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      v.add(new FieldError("too_large", field, field + " is too large"));
      return null;
    }
    if (currency == null) {
      return null;
    }
    int digits = currency.getDefaultFractionDigits();
    if (value.stripTrailingZeros().scale() > digits) {
      v.add(
          new FieldError(
              "amount_precision",
              field,
              field
                  + " must have at most "
                  + digits
                  + " decimals in "
                  + currency.getCurrencyCode()));
      return null;
    }
    return new Amount(currency, value.setScale(digits, RoundingMode.UNNECESSARY));
  }

  private static FieldError duplicateCurrency(String path) {
    return new FieldError(
        "duplicate_currency", path + ".unit", path + ".unit is listed twice in this list");
  }

  /**
   * Whether two policies say the same, whatever their id, version and publication time: the same
   * legal entity, segment, minimum amounts, steps and late fee (amounts compared as numbers, never
   * with {@code BigDecimal.equals}). Publishing a policy that says the same as its latest version
   * makes no new version.
   */
  public static boolean sameTerms(DunningPolicy a, DunningPolicy b) {
    return a.legalEntity().equals(b.legalEntity())
        && Objects.equals(a.segment(), b.segment())
        && sameAmounts(a.minimumOverdue(), b.minimumOverdue())
        && a.steps().equals(b.steps())
        && sameFee(a.lateFee(), b.lateFee());
  }

  private static boolean sameFee(LateFee a, LateFee b) {
    if (a == null || b == null) {
      return a == b;
    }
    return sameAmounts(a.fixed(), b.fixed())
        && (a.percent() == null
            ? b.percent() == null
            : b.percent() != null && a.percent().compareTo(b.percent()) == 0)
        && a.taxCategory().equals(b.taxCategory())
        && a.description().equals(b.description());
  }

  private static boolean sameAmounts(Map<Currency, BigDecimal> a, Map<Currency, BigDecimal> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    return a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
  }
}
