package io.stepwise.samples;

import io.stepwise.CompiledWorkflow;
import io.stepwise.RunOptions;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowHandler;
import io.stepwise.graph.ExecutionTrace;
import io.stepwise.graph.WorkflowGraph;
import java.io.PrintStream;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One runnable sample of the CLI.
 *
 * @param name what the CLI calls it, e.g. {@code triage}
 * @param summary one line for {@code list}
 * @param graph the workflow's static graph
 * @param run runs the sample, printing to the stream
 * @param trace runs the sample's workflow once, quietly, and returns what that run did; null for
 *     a sample that cannot run without a person or a model (then {@code draw --run} refuses it)
 */
public record Sample(
    String name, String summary, Supplier<WorkflowGraph> graph, Consumer<PrintStream> run,
    Supplier<ExecutionTrace> trace) {

  /** A sample without a traced run. */
  public Sample(String name, String summary, Supplier<WorkflowGraph> graph, Consumer<PrintStream> run) {
    this(name, summary, graph, run, null);
  }

  /** Runs {@code workflow} from {@code start} with a trace, waits for its result, and returns the trace. */
  public static <S extends StartEvent, R extends StopEvent> ExecutionTrace traced(
      CompiledWorkflow<S, R> workflow, S start) {
    WorkflowHandler<R> handler = workflow.run(start, RunOptions.defaults().withTrace(true));
    handler.result();
    return handler.trace();
  }
}
