package com.telco.billing.node.payment.directdebit;

import com.telco.billing.core.payment.Bic;
import com.telco.billing.core.payment.Iban;
import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code billing.payments.direct-debit}: where the pain.008 files go, how far ahead they are built,
 * their size, the bounds of {@code GET /direct-debits} and the creditor of each legal entity
 * (docs/operations.md, "Direct debit files").
 *
 * @param folder where each file is also written (atomically, as {@code <fileId>.xml})
 * @param leadTime a file is built once its collection date is at most this far ahead of today
 * @param lookback how far back unfiled collection dates are still filed
 * @param maxTransactionsPerFile the most transactions one file holds (more: further files)
 * @param defaultLimit files per page of the list when no limit is given
 * @param maxLimit the largest page the list may ask for
 * @param creditors the creditor of each legal entity, ordered by legal entity
 */
public record DirectDebitSettings(
    Path folder,
    Duration leadTime,
    Duration lookback,
    int maxTransactionsPerFile,
    int defaultLimit,
    int maxLimit,
    Map<String, Creditor> creditors) {

  /** Legal entity codes short enough for the file id to be a pain.008 {@code MsgId}. */
  static final java.util.regex.Pattern LEGAL_ENTITY =
      java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,16}");

  public DirectDebitSettings {
    // by legal entity: files are built and listed in this order
    creditors = java.util.Collections.unmodifiableMap(new TreeMap<>(creditors));
  }

  public static DirectDebitSettings from(Config config) {
    String p = "billing.payments.direct-debit.";
    Duration lead = config.getDuration(p + "lead-time");
    if (lead.isNegative() || lead.toDays() > 14 || lead.toSeconds() % 86_400 != 0) {
      throw ConfigChecks.badValue(p + "lead-time", "must be 0 to 14 whole days");
    }
    Duration lookback = ConfigChecks.positiveDuration(config, p + "lookback");
    if (lookback.toSeconds() % 86_400 != 0) {
      throw ConfigChecks.badValue(p + "lookback", "must be whole days");
    }
    Map<String, Creditor> creditors = new TreeMap<>();
    Config section = config.getConfig(p + "creditors");
    for (String legalEntity : section.root().keySet()) {
      if (!LEGAL_ENTITY.matcher(legalEntity).matches()) {
        // DD-<legal entity>-<yyyyMMdd>-<sequence> is the file's MsgId, at most 35 characters
        throw ConfigChecks.badValue(
            p + "creditors",
            "legal entities that collect by direct debit are 1..17 upper-case letters, digits, '_'"
                + " or '-'");
      }
      creditors.put(legalEntity, creditor(section.getConfig(quoted(legalEntity)), legalEntity, p));
    }
    int maxTransactions = ConfigChecks.intAtLeast(config, p + "max-transactions-per-file", 1);
    if (maxTransactions > 10_000) {
      throw ConfigChecks.badValue(p + "max-transactions-per-file", "must be at most 10000");
    }
    return new DirectDebitSettings(
        Path.of(config.getString(p + "folder")),
        lead,
        lookback,
        maxTransactions,
        ConfigChecks.intAtLeast(config, p + "list.default-limit", 1),
        ConfigChecks.intAtLeast(config, p + "list.max-limit", 1),
        creditors);
  }

  private static String quoted(String key) {
    return "\"" + key + "\"";
  }

  private static Creditor creditor(Config c, String legalEntity, String prefix) {
    String at = prefix + "creditors." + legalEntity;
    var iban = Iban.parse(c.getString("iban"), at + ".iban");
    if (!iban.isValid()) {
      throw ConfigChecks.badValue(at + ".iban", "must be a valid IBAN");
    }
    var bic = Bic.parse(c.getString("bic"), at + ".bic");
    if (!bic.isValid()) {
      throw ConfigChecks.badValue(at + ".bic", "must be a BIC of 8 or 11 characters");
    }
    try {
      return new Creditor(
          legalEntity, c.getString("name"), iban.value(), bic.value(), c.getString("creditor-id"));
    } catch (IllegalArgumentException e) {
      throw ConfigChecks.badValue(at, e.getMessage());
    }
  }

  /** The lead time in days. */
  public int leadDays() {
    return Math.toIntExact(leadTime.toDays());
  }

  /** The lookback in days. */
  public int lookbackDays() {
    return Math.toIntExact(lookback.toDays());
  }
}
