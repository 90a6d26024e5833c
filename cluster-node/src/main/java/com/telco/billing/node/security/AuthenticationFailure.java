package com.telco.billing.node.security;

/**
 * Credentials that were missing or could not be verified. The message says why in general terms
 * (never the credential itself): it is sent to the client.
 */
public final class AuthenticationFailure extends RuntimeException {
  public AuthenticationFailure(String message) {
    super(message, null, false, false);
  }
}
