package io.stepwise.samples.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.drawing.HtmlPage;
import io.stepwise.graph.Edge;
import io.stepwise.graph.EdgeKind;
import io.stepwise.graph.ExecutionTrace;
import io.stepwise.graph.MermaidRenderer;
import io.stepwise.graph.WorkflowGraph;
import io.stepwise.internal.trace.ExecutionRecorder;
import io.stepwise.samples.Samples;
import io.stepwise.samples.triage.TriageEvents.AutoReply;
import io.stepwise.samples.triage.TriageEvents.SentimentScored;
import io.stepwise.samples.triage.TriageEvents.TicketReceived;
import io.stepwise.samples.triage.TriageEvents.TicketText;
import io.stepwise.samples.triage.TriageEvents.TopicsFound;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One run of the triage sample, recorded by hand as the runtime will record it, then drawn. */
class ExecutionDrawingTest {
  private static final String E = "io.stepwise.samples.triage.TriageEvents.";
  private final WorkflowGraph graph = Samples.find("triage").orElseThrow().graph().get();

  /** A run that routed the ticket to an auto-reply, where autoReply failed for good after 2 attempts. */
  private static ExecutionTrace failedAutoReply() {
    var recorder = new ExecutionRecorder();
    recorder.eventEmitted(null, TicketReceived.class);
    recorder.eventRouted(null, TicketReceived.class, "receive");
    recorder.stepStarted("receive");
    recorder.eventEmitted("receive", TicketText.class);
    recorder.eventRouted("receive", TicketText.class, "sentiment");
    recorder.eventRouted("receive", TicketText.class, "topics");
    recorder.stepStarted("sentiment");
    recorder.stepStarted("topics");
    recorder.eventEmitted("sentiment", SentimentScored.class);
    recorder.eventRouted("sentiment", SentimentScored.class, "route");
    recorder.eventEmitted("topics", TopicsFound.class);
    recorder.eventRouted("topics", TopicsFound.class, "route");
    recorder.stepStarted("route");
    recorder.eventEmitted("route", AutoReply.class);
    recorder.eventRouted("route", AutoReply.class, "autoReply");
    recorder.stepStarted("autoReply");
    recorder.stepStarted("autoReply");
    recorder.stepFailed("autoReply");
    return recorder.trace();
  }

  @Test
  void recorderCountsRunsEdgesAndTheFailure() {
    ExecutionTrace trace = failedAutoReply();
    assertEquals(Map.of("autoReply", 2L, "receive", 1L, "route", 1L, "sentiment", 1L, "topics", 1L), trace.sortedRuns());
    assertEquals(1, trace.count(new Edge(EdgeKind.CONSUMES, "route", E + "SentimentScored")));
    assertEquals(0, trace.count(new Edge(EdgeKind.CONSUMES, "escalate", E + "Escalation")));
    assertEquals(1, trace.count(new Edge(EdgeKind.PRODUCES, "receive", E + "TicketText")));
    assertEquals(1, trace.count(new Edge(EdgeKind.CONSUMES, "topics", E + "TicketText")));
    assertEquals(java.util.Set.of("autoReply"), trace.sortedFailedSteps());
    assertTrue(trace.seen(E + "TicketReceived"));
    assertTrue(!trace.seen(E + "Escalation"));
  }

  @Test
  void mermaidDrawsCountsUntakenPathsAndTheFailedStep() {
    String mermaid = MermaidRenderer.render(graph, failedAutoReply());
    assertTrue(mermaid.contains("  step_autoReply[\"autoReply ×2\"]:::failed\n"), mermaid);
    assertTrue(mermaid.contains("  step_escalate[\"escalate ×0\"]:::idle\n"), mermaid);
    assertTrue(mermaid.contains("  step_route[[\"route ×1\"]]:::step\n"), mermaid); // a join
    assertTrue(mermaid.contains("  ev_TriageEvents_Escalation(\"TriageEvents.Escalation\"):::idle\n"), mermaid);
    assertTrue(mermaid.contains("  ev_TriageEvents_TicketText -->|1| step_topics\n"), mermaid);
    assertTrue(mermaid.contains("  step_route -.-> ev_TriageEvents_Escalation\n"), mermaid);
    assertTrue(mermaid.contains("  step_autoReply -.-> ev_TriageEvents_TicketResolved\n"), mermaid);
    assertTrue(mermaid.contains("  classDef failed fill:#ff9b9b,stroke:#b91c1c,color:#450a0a,stroke-width:3px\n"), mermaid);
  }

  @Test
  void htmlPageOfAnExecutionMarksTheFailedStep() {
    String html = HtmlPage.render(graph, failedAutoReply());
    assertTrue(html.contains("<title>Execution of workflow TriageFlow</title>"), html);
    assertTrue(html.contains("<tr><td>autoReply</td><td>workers 4</td><td>2 (failed)</td></tr>"), html);
    assertTrue(html.contains("fill=\"#ff9b9b\" stroke=\"#b91c1c\" stroke-width=\"3\""), html);
    assertTrue(html.contains("stroke-dasharray=\"5 4\" marker-end=\"url(#arrow-idle)\""), html);
  }
}
