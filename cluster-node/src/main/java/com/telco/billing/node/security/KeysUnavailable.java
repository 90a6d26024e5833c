package com.telco.billing.node.security;

/**
 * The identity provider's keys could not be fetched: the token may well be valid, so the caller is
 * asked to retry (503), not told its credentials are bad.
 */
public final class KeysUnavailable extends RuntimeException {
  public KeysUnavailable(Throwable cause) {
    super("the token signing keys could not be fetched", cause);
  }
}
