package com.telco.billing.node;

import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.adjustment.ChargeList;
import com.telco.billing.protocol.adjustment.ChargeResult;
import com.telco.billing.protocol.adjustment.ChargeView;
import com.telco.billing.protocol.adjustment.DisputeList;
import com.telco.billing.protocol.adjustment.DisputeResult;
import com.telco.billing.protocol.adjustment.DisputeView;
import com.telco.billing.protocol.adjustment.WriteOffResult;
import com.telco.billing.protocol.adjustment.WriteOffView;
import com.telco.billing.protocol.http.MoneyValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/** Samples of the adjustment messages, facts and replies (round trip test, golden journal). */
public final class AdjustmentSamples {
  private AdjustmentSamples() {}

  static final LocalDate DAY = LocalDate.of(2026, 12, 3);
  static final Instant AT = Instant.parse("2026-12-03T09:00:00.5Z");
  static final Currency EUR = Currency.getInstance("EUR");
  static final String INVOICE = "INV-ENT-1-2026-000001";

  /**
   * An invoice, then one adjustment fact of every kind about it, in an order an account could
   * record them after {@link PaymentSamples#facts()}.
   */
  public static List<ReceivableFact> facts() {
    return List.of(
        new ReceivableFact.InvoiceOpened(
            "INV-ENT-1-2026-000002", DAY, DAY.plusDays(14), new BigDecimal("10.00")),
        new ReceivableFact.ChargeAdded(
            "CH-0123456789abcdef",
            "12.50|EUR|Replacement SIM|STANDARD|4100-SIM",
            DAY,
            new BigDecimal("12.50"),
            "Replacement SIM",
            "STANDARD",
            "4100-SIM"),
        new ReceivableFact.ChargesBilled("INV-ENT-1-2027-000001", List.of("CH-0123456789abcdef")),
        new ReceivableFact.DisputeOpened(
            "DSP-0123456789abcdef",
            "INV-ENT-1-2026-000002",
            "3.00|EUR|roaming not used",
            DAY,
            new BigDecimal("3.00"),
            "roaming not used"),
        new ReceivableFact.DisputeResolved(
            "DSP-0123456789abcdef",
            "INV-ENT-1-2026-000002",
            "released",
            DAY.plusDays(2),
            new BigDecimal("7.00"),
            "roaming was used"),
        new ReceivableFact.InvoiceWrittenOff(
            "WO-0123456789abcdef-INV-ENT-1-2026-000002",
            "INV-ENT-1-2026-000002",
            "insolvent",
            DAY.plusDays(3),
            new BigDecimal("7.00"),
            "EUR",
            "insolvent"));
  }

  public static AccountEvent.ReceivablesChanged receivablesChanged(Origin origin) {
    return new AccountEvent.ReceivablesChanged(facts(), AT, origin);
  }

  static ChargeView chargeView() {
    return new ChargeView(
        "CH-0123456789abcdef",
        "acc-1",
        DAY,
        MoneyValue.of(new BigDecimal("12.50"), EUR),
        "Replacement SIM",
        "STANDARD",
        "4100-SIM",
        "billed",
        "INV-ENT-1-2027-000001");
  }

  static DisputeView disputeView() {
    return new DisputeView(
        "DSP-0123456789abcdef",
        INVOICE,
        "acc-1",
        MoneyValue.of(new BigDecimal("3.00"), EUR),
        "roaming not used",
        "upheld",
        DAY,
        DAY.plusDays(2),
        "CN-ENT-1-2026-000001");
  }

  static WriteOffView writeOffView() {
    return new WriteOffView(
        "WO-0123456789abcdef-" + INVOICE,
        INVOICE,
        "acc-1",
        DAY,
        MoneyValue.of(new BigDecimal("7.00"), EUR),
        "insolvent");
  }

  /** A sample of every adjustment command and reply. */
  static Map<Class<?>, Object> all(ActorRef<Object> ref) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    ActorRef r = ref;
    Origin origin = new Origin("finance-1", "req-1");
    Map<Class<?>, Object> samples = new HashMap<>();
    samples.put(
        AccountCommand.AddCharge.class,
        new AccountCommand.AddCharge(
            "CH-1",
            "fp",
            new BigDecimal("12.50"),
            EUR,
            "Replacement SIM",
            "STANDARD",
            "4100-SIM",
            origin,
            r));
    samples.put(AccountCommand.GetCharges.class, new AccountCommand.GetCharges(r));
    samples.put(
        AccountCommand.OpenDispute.class,
        new AccountCommand.OpenDispute(
            INVOICE, "DSP-1", "fp", new BigDecimal("3.00"), EUR, "wrong", origin, r));
    samples.put(
        AccountCommand.ResolveDispute.class,
        new AccountCommand.ResolveDispute(
            INVOICE, "DSP-1", "upheld", null, "CN-ENT-1-2026-000001", origin, r));
    samples.put(AccountCommand.GetDisputes.class, new AccountCommand.GetDisputes(INVOICE, r));
    samples.put(
        AccountCommand.WriteOff.class,
        new AccountCommand.WriteOff(INVOICE, "WO-1", "fp", "insolvent", origin, r));
    samples.put(ChargeView.class, chargeView());
    samples.put(ChargeResult.class, new ChargeResult(chargeView(), true));
    samples.put(ChargeList.class, new ChargeList("acc-1", List.of(chargeView())));
    samples.put(DisputeView.class, disputeView());
    samples.put(DisputeResult.class, new DisputeResult(disputeView(), false));
    samples.put(
        DisputeList.class,
        new DisputeList(
            INVOICE,
            MoneyValue.of(new BigDecimal("7.00"), EUR),
            MoneyValue.of(new BigDecimal("0.00"), EUR),
            List.of(disputeView())));
    samples.put(WriteOffView.class, writeOffView());
    samples.put(WriteOffResult.class, new WriteOffResult(writeOffView(), true));
    return samples;
  }
}
