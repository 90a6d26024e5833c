package com.telco.billing.node.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.telco.billing.node.security.Masking;

/**
 * {@code %maskedMsg} in a logback pattern: the formatted message with {@link Masking#text} applied,
 * the safety net for service numbers, tokens, API key secrets, IBANs and card numbers that reach a
 * log message without being masked by the statement that logs them.
 */
public class MaskingMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return Masking.text(super.convert(event));
  }
}
