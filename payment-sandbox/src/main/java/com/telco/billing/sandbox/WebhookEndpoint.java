package com.telco.billing.sandbox;

import java.util.List;

/**
 * Where the sandbox delivers events.
 *
 * @param id {@code we_...}
 * @param url the receiver
 * @param secret the signing secret ({@code whsec_...}) of {@code Stripe-Signature}
 * @param enabledEvents event types delivered; {@code *} for all
 */
public record WebhookEndpoint(String id, String url, String secret, List<String> enabledEvents) {
  public WebhookEndpoint {
    enabledEvents = List.copyOf(enabledEvents);
  }

  boolean wants(String type) {
    return enabledEvents.contains("*") || enabledEvents.contains(type);
  }
}
