package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.Snapshot;
import io.stepwise.SnapshotException;
import io.stepwise.SnapshotException.Reason;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.SnapshotFlows.Answered;
import io.stepwise.behaviour.SnapshotFlows.AskNumber;
import io.stepwise.behaviour.SnapshotFlows.Begin;
import io.stepwise.behaviour.SnapshotFlows.Counts;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every way a snapshot can fail to restore, with its exact message; none of them starts anything. */
class SnapshotDecodingTest {
  private static String json;
  private static String graph;

  @BeforeAll
  static void takeSnapshot() {
    WorkflowHandler<Answered> run = SnapshotFlows_HitlFlow_Workflow.of(new SnapshotFlows.HitlFlow(new Counts()))
        .run(new Begin("pirates"));
    assertEquals(new AskNumber("Enter a number: "), run.events().iterator().next());
    json = run.snapshot().toJson();
    run.cancel();
    graph = new SnapshotFlows_HitlFlow_Workflow().graphHash();
  }

  private static SnapshotException resumeFails(String text) {
    Counts counts = new Counts();
    SnapshotException failure = assertThrows(SnapshotException.class,
        () -> SnapshotFlows_HitlFlow_Workflow.of(new SnapshotFlows.HitlFlow(counts)).resume(Snapshot.fromJson(text)));
    assertEquals(0, counts.of("ask") + counts.of("answer"));
    return failure;
  }

  @Test
  void unknownTypeTagIsRejected() {
    SnapshotException failure = resumeFails(
        json.replace("\"topic\":\"pirates\"", "\"topic\":{\"@event\":{\"@type\":\"java.lang.Runtime\"}}"));
    assertEquals(Reason.INVALID_CONTENT, failure.reason());
    assertEquals("Cannot restore snapshot of workflow 'snapshot-hitl': Cannot decode JSON at"
        + " snapshot.store[\"topic\"][\"@event\"].@type (line 1, column " + (json.indexOf("\"topic\"") + 28)
        + "): unknown type tag 'java.lang.Runtime':"
        + " expected an event of workflow 'snapshot-hitl', one of [io.stepwise.EventsDropped, io.stepwise.MapStartEvent, io.stepwise.ResultEvent,"
        + " io.stepwise.StepFailedEvent, io.stepwise.WorkflowCancelledEvent, io.stepwise.WorkflowFailedEvent,"
        + " io.stepwise.WorkflowIdleEvent, io.stepwise.WorkflowTimedOutEvent, io.stepwise.behaviour.SnapshotFlows.Answer,"
        + " io.stepwise.behaviour.SnapshotFlows.Answered, io.stepwise.behaviour.SnapshotFlows.AskNumber,"
        + " io.stepwise.behaviour.SnapshotFlows.Begin]. Pass the text Snapshot.toJson() wrote, unchanged.",
        failure.getMessage());
  }

  @Test
  void malformedJsonIsRejected() {
    SnapshotException failure = resumeFails(json.substring(0, json.length() / 2));
    assertEquals(Reason.MALFORMED, failure.reason());
    assertEquals("Cannot read snapshot: malformed JSON at line 1, column " + (json.length() / 2 + 1)
        + ": Unexpected end-of-input in property name. Pass the text Snapshot.toJson() wrote, unchanged.",
        failure.getMessage());
  }

  @Test
  void contentAfterTheSnapshotObjectIsRejected() {
    Snapshot.fromJson(json + " {}"); // reads the envelope only; resume reads the whole text
    SnapshotException failure = resumeFails(json + " {}");
    assertEquals(Reason.MALFORMED, failure.reason());
    assertEquals("Cannot read snapshot: unexpected content after the end of the object. Pass the text"
        + " Snapshot.toJson() wrote, unchanged.", failure.getMessage());
  }

  @Test
  void snapshotOfAnotherWorkflowIsRejected() {
    Snapshot snapshot = Snapshot.fromJson(json);
    SnapshotException failure = assertThrows(SnapshotException.class, () -> SnapshotFlows_BusyFlow_Workflow
        .of(new SnapshotFlows.BusyFlow(new Counts(), new CountDownLatch(0))).resume(snapshot));
    assertEquals(Reason.OTHER_WORKFLOW, failure.reason());
    assertEquals("Cannot resume a snapshot of workflow 'snapshot-hitl' with workflow 'snapshot-busy'. Resume it"
        + " with the workflow it was taken from.", failure.getMessage());
  }

  @Test
  void snapshotOfAChangedGraphIsRejectedNamingBothHashes() {
    SnapshotException failure = resumeFails(json.replace("\"graph\":\"" + graph + "\"", "\"graph\":\"0123456789abcdef\""));
    assertEquals(Reason.CHANGED_GRAPH, failure.reason());
    assertEquals("Cannot resume the snapshot of run " + Snapshot.fromJson(json).runId() + ": the graph of workflow"
        + " 'snapshot-hitl' changed since it was taken (snapshot graph 0123456789abcdef, current graph " + graph
        + "). Resume it with the version of the workflow that took it, or let the run finish there before deploying"
        + " the new graph.", failure.getMessage());
  }

  @Test
  void newerFormatVersionIsRejected() {
    SnapshotException failure = resumeFails(json.replace("\"format\":1", "\"format\":2"));
    assertEquals(Reason.NEWER_VERSION, failure.reason());
    assertEquals("Cannot read snapshot: its format version 2 is newer than the version 1 this Stepwise reads."
        + " Resume it with the Stepwise version that wrote it, or a newer one.", failure.getMessage());
  }

  @Test
  void oversizedSnapshotIsRejected() {
    SnapshotException failure = assertThrows(SnapshotException.class, () -> Snapshot.fromJson(json, 100));
    assertEquals(Reason.OVERSIZED, failure.reason());
    assertEquals("Cannot read snapshot: it has " + json.length() + " characters, more than the limit of 100."
        + " If the snapshot comes from a trusted store, raise the limits with Snapshot.fromJson(json, JsonLimits),"
        + " or resume(runId, store, options, JsonLimits).", failure.getMessage());
  }
}
