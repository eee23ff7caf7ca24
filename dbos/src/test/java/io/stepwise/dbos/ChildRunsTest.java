package io.stepwise.dbos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Child runs ({@code ctx.runChild}) on DBOS: the child runs inside the worker JVM that holds its
 * parent and is checkpointed inside the parent's checkpoint. Each test kills that worker with
 * SIGKILL while the child's slow step runs and counts every step's side effects in the ledger.
 */
class ChildRunsTest {
  private static final Duration LIMIT = Duration.ofSeconds(90);
  private static final long SLOW_MILLIS = 5_000;

  private String url;
  private String schema;
  private Ledger ledger;
  private TestWorkers workers;
  private StepwiseDbos client;
  private DurableWorkflow<ParentFlow.Go, ParentFlow.Done> parents;
  private DurableWorkflow<DurableParentFlow.Go, DurableParentFlow.Done> durableParents;

  @BeforeEach
  void setUp() throws Exception {
    url = TestDatabase.url();
    schema = TestDatabase.freshSchema("dbos_children");
    ledger = new Ledger(url, schema);
    ledger.create();
    workers = new TestWorkers(url, schema);
    var parentFlow = ParentFlow_Workflow.of(new ParentFlow(ledger));
    var durableParentFlow = DurableParentFlow_Workflow.of(new DurableParentFlow(ledger, () -> {
      throw new IllegalStateException("the client holds no runs");
    }));
    client = TestWorkers.configure(url, schema).executorId("client").holdRuns(false).register(parentFlow)
        .register(durableParentFlow).launch();
    parents = client.workflow(parentFlow);
    durableParents = client.workflow(durableParentFlow);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (workers != null) {
      workers.close();
    }
    if (client != null) {
      client.close();
    }
  }

  @Test
  void childInTheParentsCheckpointIsResumedOnAnotherWorkerAfterAKill() throws Exception {
    Process first = workers.start("worker-a", 4);
    String runId = parents.start(new ParentFlow.Go(3, 1_000, SLOW_MILLIS));
    // 'tick' completed while the child's slow step ran: the parent saved a checkpoint holding the
    // child's snapshot (its first step done, its slow step in flight). Wait until it is stored.
    awaitTrue(() -> ledger.lines(runId).containsAll(List.of("tick:completed", "child.slow:began")));
    String childRunId = childRuns(runId).get(0);
    awaitTrue(() -> storedSnapshot(runId).contains(childRunId));
    assertEquals(List.of("child.first:began", "child.first:completed", "child.slow:began"),
        childLines(runId), "the kill lands mid-child");

    TestWorkers.kill(first);
    Process second = workers.start("worker-b", 4);

    assertEquals(new ParentFlow.Done(41), parents.result(runId, LIMIT));
    // The parent's 'delegate' was in flight: it ran again (at-least-once), and its runChild call
    // resumed the child from the parent's checkpoint, under the same child run id: the child's
    // first step, done in that checkpoint, did not run again; its slow step, in flight at the
    // kill, did, on the second worker. 'start' and 'tick' were saved: they never ran again.
    assertEquals(counted("start:began", 1, "start:completed", 1, "tick:began", 1, "tick:completed", 1,
        "delegate:began", 2, "delegate:completed", 1, "child.first:began", 1, "child.first:completed", 1,
        "child.slow:began", 2, "child.slow:completed", 1, "finish:began", 1, "finish:completed", 1),
        counts(runId), ledger.timeline(runId).toString());
    assertEquals(List.of(childRunId, childRunId), childRuns(runId));
    String a = Long.toString(first.pid());
    String b = Long.toString(second.pid());
    assertEquals(List.of(a, b), ledger.pids(runId, "delegate", "began"));
    assertEquals(List.of(a), ledger.pids(runId, "child.first", "began"));
    assertEquals(List.of(a, b), ledger.pids(runId, "child.slow", "began"));
    assertEquals(List.of(b), ledger.pids(runId, "child.slow", "completed"));
    // The child's events reach the parent's stream as ChildEvents in the worker's memory, but the
    // stream table holds only what the parent's codecs write: readers elsewhere see the parent's own.
    assertEquals(List.of(new ParentFlow.Done(41)), parents.events(runId, LIMIT).toList());
  }

  @Test
  void childNotYetInACheckpointRunsAgainFromItsStartAfterAKill() throws Exception {
    Process first = workers.start("worker-a", 4);
    String runId = parents.start(new ParentFlow.Go(5, -1, SLOW_MILLIS));
    awaitTrue(() -> ledger.lines(runId).contains("child.slow:began"));
    String childRunId = childRuns(runId).get(0);
    // The parent's last checkpoint is the one saved when 'start' completed, before the child began.
    assertTrue(!storedSnapshot(runId).contains(childRunId), "no checkpoint holds the child");

    TestWorkers.kill(first);
    Process second = workers.start("worker-b", 4);

    assertEquals(new ParentFlow.Done(61), parents.result(runId, LIMIT));
    // Nothing saved the child's progress: the re-run 'delegate' started a new child, whose steps
    // all ran again. Still, every execution but the last of each step was on the killed worker.
    assertEquals(counted("start:began", 1, "start:completed", 1, "delegate:began", 2, "delegate:completed", 1,
        "child.first:began", 2, "child.first:completed", 2, "child.slow:began", 2, "child.slow:completed", 1,
        "finish:began", 1, "finish:completed", 1), counts(runId), ledger.timeline(runId).toString());
    List<String> children = childRuns(runId);
    assertEquals(2, children.size());
    assertNotEquals(children.get(0), children.get(1), "a new child run");
    String a = Long.toString(first.pid());
    String b = Long.toString(second.pid());
    assertEquals(List.of(a, b), ledger.pids(runId, "delegate", "began"));
    assertEquals(List.of(a, b), ledger.pids(runId, "child.first", "began"));
    assertEquals(List.of(a, b), ledger.pids(runId, "child.slow", "began"));
  }

  @Test
  void childThatIsADurableRunOfItsOwnResumesFromItsOwnCheckpointAndIsJoinedAgain() throws Exception {
    Process first = workers.start("worker-a", 4);
    String runId = durableParents.start(new DurableParentFlow.Go(3, SLOW_MILLIS));
    awaitTrue(() -> ledger.lines(runId).contains("child.slow:began"));
    String childRunId = runId + "/child";
    assertEquals(List.of(childRunId), childRuns(runId));
    // The child saved its own checkpoint after its first step, whatever its parent saved.
    awaitTrue(() -> storedSnapshot(childRunId).contains("Halfway"));

    TestWorkers.kill(first);
    Process second = workers.start("worker-b", 4);

    assertEquals(new DurableParentFlow.Done(41), durableParents.result(runId, LIMIT));
    // The parent's step ran again and joined the same child run (same id: no second child),
    // which was resumed from its own checkpoint: its first step did not run again.
    assertEquals(counted("delegate:began", 2, "delegate:completed", 1, "child.first:began", 1,
        "child.first:completed", 1, "child.slow:began", 2, "child.slow:completed", 1), counts(runId),
        ledger.timeline(runId).toString());
    assertEquals(List.of(childRunId, childRunId), childRuns(runId));
    String a = Long.toString(first.pid());
    String b = Long.toString(second.pid());
    assertEquals(List.of(a, b), ledger.pids(runId, "delegate", "began"));
    assertEquals(List.of(a, b), ledger.pids(runId, "child.slow", "began"));
  }

  /** Pairs of {@code step:phase} line and count, as a map ordered like {@link #counts}. */
  private static Map<String, Long> counted(Object... pairs) {
    Map<String, Long> counts = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      counts.put((String) pairs[i], ((Integer) pairs[i + 1]).longValue());
    }
    return counts;
  }

  /** The ledger's {@code step:phase} lines of a run, counted; the child-run notes left out. */
  private Map<String, Long> counts(String runId) throws SQLException {
    return ledger.lines(runId).stream().filter(line -> !line.startsWith("child-run:"))
        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
  }

  private List<String> childLines(String runId) throws SQLException {
    return ledger.lines(runId).stream().filter(line -> line.startsWith("child.")).toList();
  }

  /** The child run ids the child's slow step saw, one per execution, in order. */
  private List<String> childRuns(String runId) throws SQLException {
    return ledger.lines(runId).stream().filter(line -> line.startsWith("child-run:"))
        .map(line -> line.substring("child-run:".length(), line.length() - ":seen".length())).toList();
  }

  /** The parent's last saved checkpoint, as stored in Stepwise's runs table. */
  private String storedSnapshot(String runId) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement select = connection.prepareStatement("SELECT snapshot FROM \"" + schema
            + "\".stepwise_runs WHERE run_id = ?")) {
      select.setString(1, runId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getString(1) : "";
      }
    }
  }

  private static void awaitTrue(Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + LIMIT);
      }
      Thread.sleep(50);
    }
  }
}
