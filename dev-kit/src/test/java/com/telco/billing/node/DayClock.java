package com.telco.billing.node;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the tests move from day to day (09:30 UTC of the day). */
public final class DayClock extends Clock {
  private volatile Instant now;

  public DayClock(LocalDate day) {
    setDay(day);
  }

  public void setDay(LocalDate day) {
    now = day.atTime(9, 30).toInstant(ZoneOffset.UTC);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
