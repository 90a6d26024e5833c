package com.telco.billing.core.subscription;

/**
 * The kinds of service identifier a subscription can hold and usage can be guided by.
 *
 * <p>Canonical forms (see {@link ServiceId}): an {@link #MSISDN} is {@code +} followed by 7 to 15
 * digits in international (E.164) format, the first digit not 0; an {@link #IMSI} is exactly 15
 * digits.
 */
public enum ServiceIdType {
  /** A phone number in international format, e.g. {@code +4915100000001}. */
  MSISDN,
  /** The subscriber identity of a SIM, 15 digits: MCC, MNC and MSIN. */
  IMSI
}
