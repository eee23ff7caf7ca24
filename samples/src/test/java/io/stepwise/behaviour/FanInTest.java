package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.Snapshot;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.FanInFlow.Digest;
import io.stepwise.behaviour.FanInFlow.Document;
import io.stepwise.graph.GraphHash;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A {@code List<E>} step parameter: one firing per fan-out execution, with all its members. */
class FanInTest {
  private static final Pattern MEMBER = Pattern.compile("\\{\"event\":\\{\"@type\":\"io.stepwise.behaviour.FanInFlow.Summary\"");

  @Test
  void fanInFiresOnceWithEveryMemberOfTheBatch() {
    var flow = new FanInFlow(Set.of(), new CountDownLatch(0));
    Digest digest = FanInFlow_Workflow.of(flow).run(new Document("the quick brown fox jumps")).result();

    assertEquals(new Digest(List.of("THE", "QUICK", "BROWN", "FOX", "JUMPS"), List.of(5)), digest);
    assertEquals(1, flow.runsOf("gather"));
  }

  @Test
  void emptyFanOutFiresTheFanInOnceWithAnEmptyBatch() {
    var flow = new FanInFlow(Set.of(), new CountDownLatch(0));
    Digest digest = FanInFlow_Workflow.of(flow).run(new Document("   ")).result();

    assertEquals(new Digest(List.of(), List.of(0)), digest);
    assertEquals(1, flow.runsOf("gather"));
  }

  @Test
  void fanInWaitsForTheSlowestMember() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    var flow = new FanInFlow(Set.of(1), gate);
    WorkflowHandler<Digest> run = FanInFlow_Workflow.of(flow).run(new Document("a b c"));
    awaitMembers(run, 2);
    assertEquals(0, flow.runsOf("gather"));
    gate.countDown();

    assertEquals(new Digest(List.of("A", "B", "C"), List.of(3)), run.result());
    assertEquals(1, flow.runsOf("gather"));
  }

  @Test
  void snapshotMidBatchResumesInAFreshWorkflowAndTheBatchCompletes() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    var before = new FanInFlow(Set.of(2), closed);
    WorkflowHandler<Digest> first = FanInFlow_Workflow.of(before).run(new Document("alpha beta gamma delta"));
    String json = awaitMembers(first, 3);
    first.cancel();
    assertThrows(WorkflowCancelledException.class, first::result);
    closed.countDown();
    assertTrue(json.contains("\"batches\":[{\"size\":4,\"lineage\":0}]"), json);
    assertTrue(json.contains("\"executions\":[{\"step\":\"summarize\",\"events\":[{\"@type\":"
        + "\"io.stepwise.behaviour.FanInFlow.Chunk\",\"index\":2,\"word\":\"gamma\"}]"), json);

    var after = new FanInFlow(Set.of(), new CountDownLatch(0));
    Digest digest = FanInFlow_Workflow.of(after).resume(Snapshot.fromJson(json)).result();

    assertEquals(new Digest(List.of("ALPHA", "BETA", "GAMMA", "DELTA"), List.of(4)), digest);
    assertEquals(0, after.runsOf("split"));
    assertEquals(0, after.runsOf("summarize 0") + after.runsOf("summarize 1") + after.runsOf("summarize 3"));
    assertEquals(1, after.runsOf("summarize 2"));
    assertEquals(1, after.runsOf("gather"));
  }

  @Test
  void snapshotWithAMemberOfTheWrongTypeIsRejected() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    WorkflowHandler<Digest> first = FanInFlow_Workflow.of(new FanInFlow(Set.of(1), closed)).run(new Document("x y"));
    String json = awaitMembers(first, 1);
    first.cancel();
    closed.countDown();
    String foreign = json.replaceFirst("\"members\":\\[\\{\"event\":\\{\"@type\":\"io.stepwise.behaviour.FanInFlow.Summary\","
        + "\"index\":0,\"text\":\"X\"}", "\"members\":[{\"event\":{\"@type\":\"io.stepwise.behaviour.FanInFlow.Chunk\","
        + "\"index\":0,\"word\":\"x\"}");
    assertTrue(!foreign.equals(json), json);
    var error = assertThrows(RuntimeException.class,
        () -> FanInFlow_Workflow.of(new FanInFlow(Set.of(), new CountDownLatch(0))).resume(Snapshot.fromJson(foreign)));
    assertTrue(error.getMessage().contains("step 'gather' does not take Chunk as its input 0"), error.getMessage());
  }

  @Test
  void fanInIsPartOfTheGraphHash() {
    var steps = new FanInFlow_Workflow().steps();
    var gather = steps.get(2);
    var asOneAtATime = new io.stepwise.spi.StepDescriptor(gather.index(), gather.name(),
        List.of(io.stepwise.spi.EventInput.of(FanInFlow.Summary.class)), gather.produces(), gather.workers(),
        gather.acceptSubtypes(), gather.timeout(), gather.retry());
    var changed = List.of(steps.get(0), steps.get(1), asOneAtATime);
    assertNotEquals(GraphHash.of(steps.stream().map(io.stepwise.spi.StepDescriptor::hashed).toList()),
        GraphHash.of(changed.stream().map(io.stepwise.spi.StepDescriptor::hashed).toList()));
  }

  /** Snapshots until the fan-in holds {@code count} members, and returns that snapshot's JSON. */
  private static String awaitMembers(WorkflowHandler<Digest> run, int count) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      String json = run.snapshot().toJson();
      Matcher matcher = MEMBER.matcher(json);
      int found = 0;
      while (matcher.find()) {
        found++;
      }
      if (found == count) {
        return json;
      }
      Thread.sleep(2);
    }
    throw new AssertionError("the fan-in never held " + count + " members");
  }
}
