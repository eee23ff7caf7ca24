package io.stepwise.benchmarks;

import io.stepwise.RunOptions;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowHandler;
import io.stepwise.benchmarks.flows.QueueFlow;
import io.stepwise.benchmarks.flows.QueueFlow_Workflow;
import io.stepwise.internal.loop.Routing;
import io.stepwise.internal.snapshot.RunImage;
import io.stepwise.internal.snapshot.SnapshotReader;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Snapshot cost of a run with {@code queued} events waiting behind a held worker: taking the
 * snapshot and writing its JSON, and decoding that JSON with the workflow's codecs (without
 * starting the resumed run). {@link #main} prints the JSON's size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SnapshotSizeBenchmark {
  @Param("1000")
  public int queued;

  private final CountDownLatch gate = new CountDownLatch(1);
  private final QueueFlow_Workflow definition = new QueueFlow_Workflow();
  private final SnapshotReader reader = new SnapshotReader(definition.codecs(),
      new Routing(definition.name(), definition.steps()), definition.graphHash());
  private WorkflowHandler<QueueFlow.Drained> run;
  private String json;

  @Setup(Level.Trial)
  public void pause() {
    run = QueueFlow_Workflow.of(new QueueFlow(gate))
        .run(new QueueFlow.Fill(queued), RunOptions.defaults().withTimeout(Duration.ZERO));
    json = settledJson(run, queued);
  }

  @TearDown(Level.Trial)
  public void finish() {
    run.cancel();
    gate.countDown();
  }

  @Benchmark
  public String snapshotToJson() {
    return run.snapshot().toJson();
  }

  @Benchmark
  public RunImage snapshotFromJson() {
    return reader.read(Snapshot.fromJson(json));
  }

  /** The snapshot once every item is queued or in flight. */
  static String settledJson(WorkflowHandler<?> run, int items) {
    while (true) {
      String text = run.snapshot().toJson();
      if (text.split("\"@type\"", -1).length - 1 == items) {
        return text;
      }
      Thread.onSpinWait();
    }
  }

  /** The snapshot's size in characters (ASCII, so bytes) with {@code items} queued or in flight. */
  static int snapshotBytes(int items) {
    CountDownLatch gate = new CountDownLatch(1);
    WorkflowHandler<QueueFlow.Drained> paused = QueueFlow_Workflow.of(new QueueFlow(gate))
        .run(new QueueFlow.Fill(items), RunOptions.defaults().withTimeout(Duration.ZERO));
    try {
      return settledJson(paused, items).length();
    } finally {
      paused.cancel();
      gate.countDown();
    }
  }

  /** Prints {@code snapshot-bytes <n>}; the optional argument is the number of queued events. */
  public static void main(String[] args) {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    System.out.println("snapshot-bytes " + snapshotBytes(items));
  }
}
