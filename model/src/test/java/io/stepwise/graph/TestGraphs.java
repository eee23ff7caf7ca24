package io.stepwise.graph;

import java.time.Duration;
import java.util.List;

/**
 * Small graphs the model's and the drawing's tests share (the drawing module reads them from this
 * module's test jar).
 */
public final class TestGraphs {
  static final String P = "demo.";

  private TestGraphs() {}

  /** ask -> Question (input required) ... Answer (human response) -> judge -> Retry -> ask (a loop), judge -> Done. */
  public static WorkflowGraph review() {
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

  /** merge takes Left and Right as a join; either takes Left or Right, whichever comes. */
  public static WorkflowGraph joinAndUnion() {
    return new WorkflowGraph("fork",
        List.of(new StepNode("either", 4, RetrySettings.NONE, Duration.ZERO),
            new StepNode("merge", 4, RetrySettings.NONE, Duration.ZERO, true)),
        List.of(new EventNode(P + "Left", "Left", EventKind.START), new EventNode(P + "Right", "Right", EventKind.INTERNAL),
            new EventNode(P + "Done", "Done", EventKind.STOP)),
        List.of(new Edge(EdgeKind.CONSUMES, "either", P + "Left"), new Edge(EdgeKind.CONSUMES, "either", P + "Right"),
            new Edge(EdgeKind.CONSUMES, "merge", P + "Left"), new Edge(EdgeKind.CONSUMES, "merge", P + "Right"),
            new Edge(EdgeKind.PRODUCES, "merge", P + "Done")));
  }

  /** One step that takes a cached resource through another that is made for each use. */
  public static WorkflowGraph withResources() {
    return new WorkflowGraph("memo",
        List.of(new StepNode("remember", 4, RetrySettings.NONE, Duration.ZERO)),
        List.of(new EventNode("a.Go", "Go", EventKind.START), new EventNode("a.Done", "Done", EventKind.STOP)),
        List.of(new Edge(EdgeKind.CONSUMES, "remember", "a.Go"), new Edge(EdgeKind.PRODUCES, "remember", "a.Done")),
        List.of(new ResourceNode("memory", "Memory", "", true, List.of()),
            new ResourceNode("store", "Store", "fast", false, List.of("memory"))),
        List.of(new ResourceUse("remember", "store")));
  }

  /** start -> go -> Next -> again -> Next2 -> go (a loop), and go -> End. */
  public static WorkflowGraph loop() {
    return new WorkflowGraph("loop",
        List.of(new StepNode("again", 4, RetrySettings.NONE, Duration.ZERO),
            new StepNode("go", 4, RetrySettings.NONE, Duration.ZERO)),
        List.of(new EventNode("d.End", "End", EventKind.STOP), new EventNode("d.Next", "Next", EventKind.INTERNAL),
            new EventNode("d.Next2", "Next2", EventKind.INTERNAL), new EventNode("d.Start", "Start", EventKind.START)),
        List.of(new Edge(EdgeKind.CONSUMES, "again", "d.Next"), new Edge(EdgeKind.CONSUMES, "go", "d.Next2"),
            new Edge(EdgeKind.CONSUMES, "go", "d.Start"), new Edge(EdgeKind.PRODUCES, "again", "d.Next2"),
            new Edge(EdgeKind.PRODUCES, "go", "d.End"), new Edge(EdgeKind.PRODUCES, "go", "d.Next")));
  }
}
