package com.telco.billing.node.dunning.worklist;

/** One account on the work list: its id and its dunning view. */
public record WorkListEntry(String accountId, AccountDunning dunning) {}
