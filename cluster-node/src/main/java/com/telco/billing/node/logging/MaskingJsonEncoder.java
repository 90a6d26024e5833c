package com.telco.billing.node.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.telco.billing.node.security.Masking;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * logback's {@link JsonEncoder} with the same safety net as {@code %maskedMsg}: the message an
 * event carries, and the messages of its exception and causes, are written with {@link
 * Masking#text} applied, so {@code BILLING_LOG_FORMAT=json} masks what the text format masks.
 */
public class MaskingJsonEncoder extends JsonEncoder {
  @Override
  public byte[] encode(ILoggingEvent event) {
    return super.encode(masked(event));
  }

  /** A throwable whose messages, and its causes' and suppressed ones', are masked. */
  static IThrowableProxy masked(IThrowableProxy thrown) {
    return (IThrowableProxy)
        Proxy.newProxyInstance(
            IThrowableProxy.class.getClassLoader(),
            new Class<?>[] {IThrowableProxy.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "getMessage" -> {
                  String message = thrown.getMessage();
                  return message == null ? null : Masking.text(message);
                }
                case "getCause" -> {
                  IThrowableProxy cause = thrown.getCause();
                  return cause == null ? null : masked(cause);
                }
                case "getSuppressed" -> {
                  IThrowableProxy[] suppressed = thrown.getSuppressed();
                  if (suppressed == null) {
                    return null;
                  }
                  IThrowableProxy[] out = new IThrowableProxy[suppressed.length];
                  for (int i = 0; i < suppressed.length; i++) {
                    out[i] = masked(suppressed[i]);
                  }
                  return out;
                }
                default -> {
                  try {
                    return method.invoke(thrown, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                }
              }
            });
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
              if (method.getName().equals("getThrowableProxy")) {
                IThrowableProxy thrown = event.getThrowableProxy();
                return thrown == null ? null : masked(thrown);
              }
              try {
                return method.invoke(event, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
