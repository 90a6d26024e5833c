package com.telco.billing.core.dunning;

import java.util.List;
import java.util.Objects;

/**
 * One step of a dunning policy: on {@code day} days past due (of the oldest invoice past due and
 * unpaid) its actions are taken, once per episode.
 *
 * @param name a name unique in the policy (e.g. {@code reminder-1}), shown to collections staff
 * @param day days past due, at least 1; steps are ordered by strictly increasing day
 * @param actions what the step does, at least one, no action twice
 */
public record DunningStep(String name, int day, List<DunningAction> actions) {
  public DunningStep {
    Objects.requireNonNull(name, "name");
    actions = List.copyOf(actions);
  }

  public boolean does(DunningAction action) {
    return actions.contains(action);
  }
}
