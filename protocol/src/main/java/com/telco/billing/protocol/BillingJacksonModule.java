package com.telco.billing.protocol;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.money.Money;
import com.telco.billing.core.subscription.SubscriptionChange;
import java.time.LocalDate;

/**
 * Jackson settings for billing-core values that travel inside commands and replies (events and
 * snapshots are journal records, without billing-core types). billing-core has no Jackson
 * dependency, so its polymorphic types get their type ids here, as mix-ins: a logical name per
 * subtype ({@code @JsonTypeInfo(use = NAME)}), never a class name. Registered for Pekko's
 * serializers in {@code serialization.conf}, after the jsr310 module, so its date reader wins.
 *
 * <p>Dates are read by {@link IsoDateDeserializer}, which makes reading back the journal (account
 * recovery, the invoice documents) cheaper; invoice lines in replies leave out their empty fields
 * (a recurring line has no usage type, zone, band or record count; a usage line no unit price), as
 * the journal's invoice lines do.
 *
 * <p>Amounts keep their scale when a Jackson migration reads an event or snapshot as a tree first
 * (trees strip trailing zeros by default: an invoice total of {@code 12.10} would come back as
 * {@code 12.1}).
 */
public final class BillingJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public BillingJacksonModule() {
    super("BillingJacksonModule");
    setMixInAnnotation(SubscriptionChange.class, SubscriptionChangeTypes.class);
    setMixInAnnotation(
        com.telco.billing.core.payment.PaymentMethod.class, PaymentMethodTypes.class);
    setMixInAnnotation(Money.class, MoneyProperties.class);
    setMixInAnnotation(InvoiceLine.class, WithoutNulls.class);
    setMixInAnnotation(CatalogVersion.class, CatalogVersionProperties.class);
    addDeserializer(LocalDate.class, new IsoDateDeserializer());
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    if (context.getOwner() instanceof ObjectMapper mapper) {
      mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }
  }

  /** Money is its amount and currency; {@code isZero()} and {@code isNegative()} are not fields. */
  @JsonIgnoreProperties(
      value = {"zero", "negative"},
      ignoreUnknown = false)
  private interface MoneyProperties {}

  /**
   * A catalog version's {@code correction} is its record component; {@code isCorrection()} is not a
   * field (it would take the component's name as a boolean).
   */
  @JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
  private interface CatalogVersionProperties {}

  /** Null fields are left out (read back as null). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private interface WithoutNulls {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = SubscriptionChange.ChangeOffering.class, name = "change-offering"),
    @JsonSubTypes.Type(value = SubscriptionChange.Suspend.class, name = "suspend"),
    @JsonSubTypes.Type(value = SubscriptionChange.Resume.class, name = "resume"),
    @JsonSubTypes.Type(value = SubscriptionChange.Terminate.class, name = "terminate")
  })
  private interface SubscriptionChangeTypes {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
  @JsonSubTypes({
    @JsonSubTypes.Type(
        value = com.telco.billing.core.payment.PaymentMethod.GatewayToken.class,
        name = "token"),
    @JsonSubTypes.Type(
        value = com.telco.billing.core.payment.PaymentMethod.DirectDebit.class,
        name = "direct_debit"),
    @JsonSubTypes.Type(
        value = com.telco.billing.core.payment.PaymentMethod.Manual.class,
        name = "manual")
  })
  @JsonIgnoreProperties(value = {"automatic"})
  private interface PaymentMethodTypes {}
}
