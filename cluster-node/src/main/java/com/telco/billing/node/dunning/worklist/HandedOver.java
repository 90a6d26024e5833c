package com.telco.billing.node.dunning.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of the collections export: the account was handed to a collection agency on {@code
 * handedOn} in its episode {@code episode}, owing {@code overdue} in {@code currency} (null when
 * the account's opening was not seen).
 */
public record HandedOver(
    LocalDate handedOn, String accountId, int episode, BigDecimal overdue, String currency) {}
