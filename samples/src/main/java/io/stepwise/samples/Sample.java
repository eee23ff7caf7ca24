package io.stepwise.samples;

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
 */
public record Sample(String name, String summary, Supplier<WorkflowGraph> graph, Consumer<PrintStream> run) {}
