package com.telco.billing.core.adjustment;

import com.telco.billing.core.invoice.FeeCharge;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one-off charges of an account, pending and billed (docs/adjustments.md). Each pending charge
 * is billed once, on the next invoice issued; which invoice billed it is recorded. Immutable.
 *
 * @param all every charge, in the order they were charged
 */
public record OneOffCharges(List<OneOffCharge> all) {

  public static final OneOffCharges NONE = new OneOffCharges(List.of());

  public OneOffCharges {
    all = List.copyOf(all);
  }

  public Optional<OneOffCharge> charge(String chargeId) {
    return all.stream().filter(c -> c.chargeId().equals(chargeId)).findFirst();
  }

  /** The charges no invoice billed yet, oldest first. */
  public List<OneOffCharge> pending() {
    return all.stream().filter(OneOffCharge::isPending).toList();
  }

  /** The pending charges as the fees of the next invoice, oldest first. */
  public List<FeeCharge> pendingFees() {
    return pending().stream().map(OneOffCharge::toFee).toList();
  }

  /** The charges with {@code charge} added; an id already known changes nothing. */
  public OneOffCharges add(OneOffCharge charge) {
    if (charge(charge.chargeId()).isPresent()) {
      return this;
    }
    List<OneOffCharge> next = new ArrayList<>(all);
    next.add(charge);
    return new OneOffCharges(next);
  }

  /**
   * The charges with those of {@code chargeIds} still pending billed on invoice {@code number};
   * billed ones and unknown ids are left as they are (a charge is billed once).
   */
  public OneOffCharges billed(String number, List<String> chargeIds) {
    Set<String> ids = Set.copyOf(chargeIds);
    List<OneOffCharge> next = new ArrayList<>(all);
    next.replaceAll(c -> c.isPending() && ids.contains(c.chargeId()) ? c.billedOn(number) : c);
    return new OneOffCharges(next);
  }
}
