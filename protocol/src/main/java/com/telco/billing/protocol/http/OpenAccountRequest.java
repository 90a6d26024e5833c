package com.telco.billing.protocol.http;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.account.AccountProfileRules;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.time.ZoneId;
import java.util.Currency;

/**
 * Body of {@code POST /accounts}: an account opened by order management (TMF666-style billing
 * account fields, flattened), before validation: every field may be missing or wrong. {@link
 * #validate()} applies {@link AccountProfileRules} and reports every problem at once, naming the
 * field (the id as {@code accountId}).
 */
public record OpenAccountRequest(
    String id,
    String name,
    String currency,
    Integer billCycleDay,
    String timeZone,
    String taxJurisdiction,
    Boolean taxExempt,
    Integer paymentTermsDays,
    String paymentMethodRef,
    String legalEntity,
    String email,
    String segment,
    Boolean dunningExempt) {

  /** A request without email, segment or dunning exemption. */
  public OpenAccountRequest(
      String id,
      String name,
      String currency,
      Integer billCycleDay,
      String timeZone,
      String taxJurisdiction,
      Boolean taxExempt,
      Integer paymentTermsDays,
      String paymentMethodRef,
      String legalEntity) {
    this(
        id,
        name,
        currency,
        billCycleDay,
        timeZone,
        taxJurisdiction,
        taxExempt,
        paymentTermsDays,
        paymentMethodRef,
        legalEntity,
        null,
        null,
        null);
  }

  /** Checks every field and returns the profile or all problems found. */
  public Validated<AccountProfile> validate() {
    Validator v = new Validator();
    AccountProfileRules.requireAccountId(v, id, "accountId");
    AccountProfileRules.requireName(v, name, "name");
    Currency parsedCurrency = AccountProfileRules.parseCurrency(v, currency, "currency");
    AccountProfileRules.requireBillCycleDay(v, billCycleDay, "billCycleDay");
    ZoneId zone = AccountProfileRules.parseZone(v, timeZone, "timeZone");
    AccountProfileRules.requireTaxJurisdiction(v, taxJurisdiction, "taxJurisdiction");
    int terms = AccountProfileRules.paymentTermsDays(v, paymentTermsDays, "paymentTermsDays");
    AccountProfileRules.checkPaymentMethodRef(v, paymentMethodRef, "paymentMethodRef");
    String entity = AccountProfileRules.legalEntity(v, legalEntity, "legalEntity");
    String mail = AccountProfileRules.email(v, email, "email");
    String seg = AccountProfileRules.segment(v, segment, "segment");
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(
        new AccountProfile(
            id,
            name.strip(),
            parsedCurrency,
            billCycleDay,
            zone,
            taxJurisdiction.strip(),
            Boolean.TRUE.equals(taxExempt),
            terms,
            paymentMethodRef,
            entity,
            mail,
            seg,
            Boolean.TRUE.equals(dunningExempt)));
  }
}
