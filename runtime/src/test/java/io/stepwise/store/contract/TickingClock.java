package io.stepwise.store.contract;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves one second forward each time it is read, so save order is update order. */
public final class TickingClock implements InstantSource {
  public static final Instant START = Instant.parse("2026-05-01T10:00:00Z");

  private final AtomicLong reads = new AtomicLong();

  @Override
  public Instant instant() {
    return START.plusSeconds(reads.getAndIncrement());
  }
}
