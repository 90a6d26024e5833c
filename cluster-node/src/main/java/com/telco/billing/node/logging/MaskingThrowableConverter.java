package com.telco.billing.node.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.telco.billing.node.security.Masking;

/**
 * {@code %maskedEx} in a logback pattern: a logged exception's stack trace with {@link
 * Masking#text} applied, since exception messages may quote what failed (a driver error its
 * statement's values, a refusal its service identifier).
 */
public class MaskingThrowableConverter extends ThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy proxy) {
    return Masking.text(super.throwableProxyToString(proxy));
  }
}
