package com.telco.billing.node.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.telco.billing.node.security.Masking;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * logback's {@link JsonEncoder} with the same safety net as {@code %maskedMsg}: the message an
 * event carries is written with {@link Masking#text} applied, so {@code BILLING_LOG_FORMAT=json}
 * masks what the text format masks.
 */
public class MaskingJsonEncoder extends JsonEncoder {
  @Override
  public byte[] encode(ILoggingEvent event) {
    return super.encode(masked(event));
  }

  static ILoggingEvent masked(ILoggingEvent event) {
    return (ILoggingEvent)
        Proxy.newProxyInstance(
            ILoggingEvent.class.getClassLoader(),
            new Class<?>[] {ILoggingEvent.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getFormattedMessage")
                  || method.getName().equals("getMessage")) {
                Object value = method.invoke(event, args);
                return value == null ? null : Masking.text(value.toString());
              }
              try {
                return method.invoke(event, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
