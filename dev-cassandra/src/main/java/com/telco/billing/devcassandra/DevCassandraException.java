package com.telco.billing.devcassandra;

/** A dev Cassandra could not be started, reached or stopped. */
public final class DevCassandraException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, with enough context to act on it
   */
  public DevCassandraException(String message) {
    super(message);
  }

  /**
   * @param message what failed, with enough context to act on it
   * @param cause the underlying failure
   */
  public DevCassandraException(String message, Throwable cause) {
    super(message, cause);
  }
}
