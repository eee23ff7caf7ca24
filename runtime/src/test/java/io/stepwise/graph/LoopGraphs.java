package io.stepwise.graph;

import java.time.Duration;
import java.util.List;

/** A small graph with a loop and human-in-the-loop events, every event kind once or more. */
final class LoopGraphs {
  static final String P = "demo.";

  private LoopGraphs() {}

  /** ask -> Question (input required) ... Answer (human response) -> judge -> Retry -> ask (a loop), judge -> Done. */
  static WorkflowGraph review() {
    return new WorkflowGraph("review",
        List.of(
            new StepNode("ask", 4, RetrySettings.NONE, Duration.ZERO),
            new StepNode("judge", 1,
                new RetrySettings(3, Duration.ofMillis(500), 2.0, Duration.ZERO, 0.0, List.of("java.io.IOException"), List.of()),
                Duration.ofSeconds(30))),
        List.of(
            new EventNode(P + "Answer", "Answer", EventKind.HUMAN_RESPONSE),
            new EventNode(P + "Begin", "Begin", EventKind.START),
            new EventNode(P + "Done", "Done", EventKind.STOP),
            new EventNode(P + "Question", "Question", EventKind.INPUT_REQUIRED),
            new EventNode(P + "Retry", "Retry", EventKind.INTERNAL)),
        List.of(
            new Edge(EdgeKind.CONSUMES, "ask", P + "Begin"),
            new Edge(EdgeKind.CONSUMES, "ask", P + "Retry"),
            new Edge(EdgeKind.CONSUMES, "judge", P + "Answer"),
            new Edge(EdgeKind.PRODUCES, "ask", P + "Question"),
            new Edge(EdgeKind.PRODUCES, "judge", P + "Done"),
            new Edge(EdgeKind.PRODUCES, "judge", P + "Retry")));
  }
}
