package com.telco.billing.node.rounds;

/** What a {@link RoundDriver} reports of its rounds; the driver's metrics class implements it. */
public interface RoundMetrics {

  /** A round ended, leaving {@code stillDue} of the rows it read due. */
  void roundEnded(long stillDue);

  /** A whole round failed (reading the due rows or the watermark). */
  void roundFailed();

  /** The after-round hook failed. */
  void afterRoundFailed();

  /** The driver stopped on this node: its backlog is reported by the node that runs it next. */
  void driverStopped();
}
