package com.telco.billing.protocol;

/**
 * What kind of "no" a {@link RefusalCode} is. The HTTP layer maps each kind to one status; nothing
 * else needs to know statuses.
 */
public enum RefusalKind {
  /** The request's own values are wrong: asking again unchanged gets the same answer. */
  INVALID_INPUT,
  /** The request names something that does not exist. */
  NOT_FOUND,
  /** A rule of the current state refuses the request. */
  CONFLICT,
  /** The caller's credentials are missing or could not be verified. */
  UNAUTHENTICATED,
  /** The caller is known but holds no role the request needs. */
  FORBIDDEN,
  /** This node has too much in progress; the same request may succeed later. */
  OVERLOADED,
  /** A part of the cluster or its storage did not answer; the same request may succeed later. */
  UNAVAILABLE,
  /** A failure of the system itself. */
  INTERNAL;

  /**
   * Whether the refusal is about this moment rather than the request: asking again later may give
   * another answer.
   */
  public boolean isTransient() {
    return this == OVERLOADED || this == UNAVAILABLE || this == INTERNAL;
  }
}
