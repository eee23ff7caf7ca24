package io.stepwise.internal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.Event;
import io.stepwise.graph.Edge;
import io.stepwise.graph.EdgeKind;
import io.stepwise.graph.ExecutionTrace;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The recorder the runtime calls from step threads. */
class ExecutionRecorderTest {
  record Ping() implements Event {}

  @Test
  void countsFromManyThreadsAddUp() throws InterruptedException {
    var recorder = new ExecutionRecorder();
    var threads = new ArrayList<Thread>();
    for (int t = 0; t < 8; t++) {
      threads.add(Thread.ofVirtual().start(() -> {
        for (int i = 0; i < 1000; i++) {
          recorder.stepStarted("ping");
          recorder.eventEmitted("ping", Ping.class);
          recorder.eventRouted("ping", Ping.class, "pong");
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    ExecutionTrace trace = recorder.trace();
    String ping = Ping.class.getCanonicalName();
    assertEquals(Map.of("ping", 8000L), trace.sortedRuns());
    assertEquals(8000, trace.count(new Edge(EdgeKind.PRODUCES, "ping", ping)));
    assertEquals(8000, trace.count(new Edge(EdgeKind.CONSUMES, "pong", ping)));
    assertEquals(Map.of(ping, 8000L), trace.emitted());
  }

  @Test
  void eventsFromOutsideCountAsEmittedButOnNoProducerEdge() {
    var recorder = new ExecutionRecorder();
    recorder.eventEmitted(null, Ping.class);
    recorder.eventRouted(null, Ping.class, "pong");
    ExecutionTrace trace = recorder.trace();
    assertEquals(Map.of(new Edge(EdgeKind.CONSUMES, "pong", Ping.class.getCanonicalName()), 1L), trace.edges());
    assertEquals(Set.of(), trace.failedSteps());
  }

  @Test
  void traceIsASnapshotThatLaterCallsDoNotChange() {
    var recorder = new ExecutionRecorder();
    recorder.stepStarted("a");
    ExecutionTrace before = recorder.trace();
    recorder.stepStarted("a");
    recorder.stepFailed("a");
    assertEquals(1, before.runs("a"));
    assertEquals(2, recorder.trace().runs("a"));
    assertEquals(Set.of("a"), recorder.trace().sortedFailedSteps());
  }
}
