package com.telco.billing.node.util;

import java.util.concurrent.CompletionException;

/** What failed a stage: the cause inside the {@link CompletionException}s that wrap it. */
public final class Failures {
  private Failures() {}

  public static Throwable cause(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
