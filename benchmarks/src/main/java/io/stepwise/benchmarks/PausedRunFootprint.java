package io.stepwise.benchmarks;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.WorkflowHandler;
import io.stepwise.benchmarks.flows.PausedFlow;
import io.stepwise.benchmarks.flows.PausedFlow_Workflow;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Heap retained per idle paused run: starts {@code runs} runs that each asked a human a question
 * and wait for the answer, and divides the growth of the heap that survives a full GC by the
 * number of runs. The caller keeps each run's handler, as a server would.
 *
 * <p>Not a JMH benchmark: the quantity is a size, not a time. Run it in a JVM of its own
 * ({@code run.sh} does), so that nothing else allocates meanwhile.
 */
public final class PausedRunFootprint {
  private PausedRunFootprint() {}

  /** Prints {@code footprint-bytes-per-run <n>}; the optional argument is the number of runs. */
  public static void main(String[] args) throws InterruptedException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    System.out.println("footprint-bytes-per-run " + bytesPerRun(runs));
  }

  /** Measures the retained heap per paused run, in bytes, over {@code runs} runs. */
  public static long bytesPerRun(int runs) throws InterruptedException {
    CompiledWorkflow<PausedFlow.Ticket, PausedFlow.Decision> workflow = PausedFlow_Workflow.of(new PausedFlow());
    pauseAndFinish(workflow, Math.min(runs, 1_000)); // load and initialise every class first
    long before = retainedHeap();
    List<WorkflowHandler<PausedFlow.Decision>> paused = pause(workflow, runs);
    long after = retainedHeap();
    finish(paused);
    return (after - before) / runs;
  }

  private static void pauseAndFinish(CompiledWorkflow<PausedFlow.Ticket, PausedFlow.Decision> workflow, int runs) {
    finish(pause(workflow, runs));
  }

  private static List<WorkflowHandler<PausedFlow.Decision>> pause(
      CompiledWorkflow<PausedFlow.Ticket, PausedFlow.Decision> workflow, int runs) {
    List<WorkflowHandler<PausedFlow.Decision>> paused = new ArrayList<>(runs);
    for (int i = 0; i < runs; i++) {
      WorkflowHandler<PausedFlow.Decision> run = workflow.run(new PausedFlow.Ticket(i));
      Iterator<Event> events = run.events().iterator();
      Event first = events.next(); // returns once the question is published: the run is idle
      if (!(first instanceof PausedFlow.Question)) {
        throw new IllegalStateException("run " + i + " published " + first + " instead of asking");
      }
      paused.add(run);
    }
    return paused;
  }

  private static void finish(List<WorkflowHandler<PausedFlow.Decision>> paused) {
    for (int i = 0; i < paused.size(); i++) {
      paused.get(i).sendEvent(new PausedFlow.Answer(i, true));
    }
    for (WorkflowHandler<PausedFlow.Decision> run : paused) {
      run.result();
    }
  }

  private static long retainedHeap() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    // A few rounds: a single System.gc() may leave finalizable or soft garbage behind.
    for (int round = 0; round < 4; round++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
