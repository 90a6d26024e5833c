package com.telco.billing.node.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller may do, by the job it does in the Order-to-Cash chain. Tokens and API keys carry
 * role names; every endpoint lists the roles it admits (docs/security.md).
 */
public enum Role {
  /** Mediation systems: usage records in, their batches' status. */
  MEDIATION("mediation"),
  /** Order management and product inventory: accounts and subscriptions. */
  ORDER_MANAGEMENT("order-management"),
  /** Product management: publishes catalog versions. */
  CATALOG_MANAGER("catalog-manager"),
  /** Finance: bill runs, invoices (later payments, credit notes, write-offs, ERP exports). */
  FINANCE("finance"),
  /** Collections staff (later dunning actions); reads accounts and invoices. */
  COLLECTIONS("collections"),
  /** Operations: reads everything, recycles suspense, redrives parked batches, cluster views. */
  OPS("ops"),
  /** Auditors: read everything, and the audit trail. */
  AUDITOR("auditor"),
  /** Administrators: API keys. */
  ADMIN("admin");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  /** The role's name in tokens, API keys and documents. */
  public String wireName() {
    return wireName;
  }

  /** The role of a name, if it is one. */
  public static Optional<Role> named(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
  }

  /** The roles of some names; names that are no role are left out. */
  public static Set<Role> allNamed(Iterable<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      named(name).ifPresent(roles::add);
    }
    return roles;
  }
}
