package com.telco.billing.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.std.StdDelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdDelegatingSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import com.telco.billing.core.dedupe.DedupeSnapshot;
import com.telco.billing.core.dedupe.DedupeWindow;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.money.Money;
import com.telco.billing.core.subscription.SubscriptionChange;
import java.time.LocalDate;

/**
 * Jackson settings for billing-core values that travel inside messages and events. billing-core has
 * no Jackson dependency, so its polymorphic types get their type ids here, as mix-ins: a logical
 * name per subtype ({@code @JsonTypeInfo(use = NAME)}), never a class name. Registered for Pekko's
 * serializers in {@code serialization.conf}, after the jsr310 module, so its date reader wins.
 *
 * <p>Two settings make what is read back most (issued invoices in the invoice projection, account
 * recovery) cheaper: invoice lines leave out their empty fields (a recurring line has no usage
 * type, zone, band or record count; a usage line no unit price), and dates are read by {@link
 * IsoDateDeserializer}.
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
    setMixInAnnotation(Money.class, MoneyProperties.class);
    setMixInAnnotation(InvoiceLine.class, WithoutNulls.class);
    addDeserializer(LocalDate.class, new IsoDateDeserializer());
    addSerializer(
        DedupeWindow.class,
        new StdDelegatingSerializer(
            new StdConverter<DedupeWindow, DedupeSnapshot>() {
              @Override
              public DedupeSnapshot convert(DedupeWindow window) {
                return window.toSnapshot();
              }
            }));
    addDeserializer(
        DedupeWindow.class,
        new StdDelegatingDeserializer<>(
            new StdConverter<DedupeSnapshot, DedupeWindow>() {
              @Override
              public DedupeWindow convert(DedupeSnapshot snapshot) {
                return DedupeWindow.fromSnapshot(snapshot);
              }
            }));
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
}
