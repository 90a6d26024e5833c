package com.telco.billing.node.metrics;

import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The MDC keys of the node's log lines ({@value #REQUEST_ID}, {@value #ACCOUNT_ID}), set around one
 * log call at a time: Pekko runs a request's steps on whichever thread is free, so an MDC set at
 * the start of a request would not be there (or would be another request's) when a later step logs.
 */
public final class LogContext {
  private LogContext() {}

  /** MDC key of the API request's id ({@code X-Request-Id}). */
  public static final String REQUEST_ID = "requestId";

  /** MDC key of the account a log line is about. */
  public static final String ACCOUNT_ID = "accountId";

  /** Ids fit for a log line's MDC: what the API accepts as ids, bounded. */
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /** Runs {@code log} with the request id and (when not null) the account id in the MDC. */
  public static void forRequest(String requestId, String accountId, Runnable log) {
    try (MDC.MDCCloseable r = MDC.putCloseable(REQUEST_ID, requestId)) {
      if (accountId == null) {
        log.run();
      } else {
        forAccount(accountId, log);
      }
    }
  }

  /** Runs {@code log} with the account id in the MDC. */
  public static void forAccount(String accountId, Runnable log) {
    try (MDC.MDCCloseable a = MDC.putCloseable(ACCOUNT_ID, accountId)) {
      log.run();
    }
  }

  /** The account an API path names ({@code /accounts/{id}...}), if it names a safe one. */
  public static String accountOf(String path) {
    String prefix = "/accounts/";
    if (!path.startsWith(prefix)) {
      return null;
    }
    int end = path.indexOf('/', prefix.length());
    String id = end < 0 ? path.substring(prefix.length()) : path.substring(prefix.length(), end);
    return SAFE_ID.matcher(id).matches() ? id : null;
  }
}
