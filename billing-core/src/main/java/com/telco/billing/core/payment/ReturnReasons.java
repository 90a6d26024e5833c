package com.telco.billing.core.payment;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ISO 20022 external return reason codes a bank gives for a returned or refused SEPA direct
 * debit (ExternalReturnReason1Code, as the EPC's SDD rulebooks use them), with what each means.
 */
public final class ReturnReasons {
  /** Error code of a reason code not in this list. */
  public static final String UNKNOWN = "unknown_return_reason";

  private static final Map<String, String> CODES = new TreeMap<>();

  static {
    CODES.put("AC01", "incorrect account number");
    CODES.put("AC04", "closed account number");
    CODES.put("AC06", "blocked account");
    CODES.put("AC13", "invalid debtor account type");
    CODES.put("AG01", "transaction forbidden on this type of account");
    CODES.put("AG02", "invalid bank operation code");
    CODES.put("AM04", "insufficient funds");
    CODES.put("AM05", "duplicate collection");
    CODES.put("BE05", "unrecognised initiating party");
    CODES.put("CNOR", "creditor bank is not registered");
    CODES.put("DNOR", "debtor bank is not registered");
    CODES.put("FF01", "invalid file format");
    CODES.put("MD01", "no mandate");
    CODES.put("MD02", "missing mandatory mandate information");
    CODES.put("MD06", "refund request by end customer");
    CODES.put("MD07", "end customer deceased");
    CODES.put("MS02", "reason not specified by the customer");
    CODES.put("MS03", "reason not specified by the agent");
    CODES.put("RC01", "bank identifier incorrect");
    CODES.put("RR01", "missing debtor account or identification");
    CODES.put("RR02", "missing debtor name or address");
    CODES.put("RR03", "missing creditor name or address");
    CODES.put("RR04", "regulatory reason");
    CODES.put("SL01", "specific service offered by the debtor agent");
  }

  private ReturnReasons() {}

  public static boolean isKnown(String code) {
    return code != null && CODES.containsKey(code);
  }

  /** What {@code code} means, if it is known. */
  public static Optional<String> meaning(String code) {
    return Optional.ofNullable(code == null ? null : CODES.get(code));
  }

  /** Every known code, in order. */
  public static java.util.Set<String> codes() {
    return java.util.Collections.unmodifiableSet(CODES.keySet());
  }
}
