package com.telco.billing.node.payment.gateway;

import java.util.Currency;
import java.util.Map;

public record IntentView(
    String intentId,
    String status,
    long amountMinor,
    Currency currency,
    Map<String, String> metadata) {}
