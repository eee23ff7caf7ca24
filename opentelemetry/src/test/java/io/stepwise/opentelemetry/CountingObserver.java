package io.stepwise.opentelemetry;

import io.stepwise.observe.RunEnded;
import io.stepwise.observe.RunObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Listed in this module's test {@code META-INF/services/io.stepwise.observe.RunObserver}, so it
 * observes every run of these tests: counts the runs that ended, per workflow.
 */
public final class CountingObserver implements RunObserver {
  static final Map<String, AtomicInteger> ENDED = new ConcurrentHashMap<>();

  @Override
  public void runEnded(RunEnded run) {
    ENDED.computeIfAbsent(run.run().workflow(), w -> new AtomicInteger()).incrementAndGet();
  }
}
