package io.stepwise.dbos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.WorkflowException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs held by worker JVMs, started, answered, cancelled and awaited through this test's JVM (a
 * process that holds no runs), with workers killed by SIGKILL.
 */
class AcrossWorkersTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private String url;
  private String schema;
  private Ledger ledger;
  private TestWorkers workers;
  private StepwiseDbos client;
  private DurableWorkflow<ChainFlow.Go, ChainFlow.Done> chain;
  private DurableWorkflow<AskFlow.Begin, AskFlow.Answered> asks;
  private DurableWorkflow<SleepyFlow.Nap, SleepyFlow.Woke> naps;

  @BeforeEach
  void setUp() throws Exception {
    url = TestDatabase.url();
    schema = TestDatabase.freshSchema("dbos_across");
    ledger = new Ledger(url, schema);
    ledger.create();
    workers = new TestWorkers(url, schema);
    var chainFlow = ChainFlow_Workflow.of(new ChainFlow(ledger));
    var askFlow = AskFlow_Workflow.of(new AskFlow(ledger));
    var sleepyFlow = SleepyFlow_Workflow.of(new SleepyFlow(ledger));
    client = TestWorkers.configure(url, schema).executorId("client").holdRuns(false)
        .register(chainFlow).register(askFlow).register(sleepyFlow).launch();
    chain = client.workflow(chainFlow);
    asks = client.workflow(askFlow);
    naps = client.workflow(sleepyFlow);
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
  void runWhoseWorkerIsKilledMidStepFinishesOnAnotherWorker() throws Exception {
    Process first = workers.start("worker-a", 4);
    String runId = chain.start(new ChainFlow.Go(1, 4_000));
    awaitTrue(() -> ledger.lines(runId).contains("slow:began"));
    assertEquals(List.of(Long.toString(first.pid())), ledger.pids(runId, "slow", "began"));

    TestWorkers.kill(first);
    Process second = workers.start("worker-b", 4);

    assertEquals(new ChainFlow.Done(20), chain.result(runId, LIMIT));
    // The first step's completion was saved: it never ran again. The slow step was in flight at
    // the kill: it ran again, from its start, on the second worker.
    assertEquals(List.of("first:began", "first:completed", "slow:began", "slow:began", "slow:completed"),
        ledger.lines(runId));
    assertEquals(List.of(Long.toString(first.pid()), Long.toString(second.pid())),
        ledger.pids(runId, "slow", "began"));
  }

  @Test
  void questionAskedOnOneWorkerIsAnsweredThroughAnother() throws Exception {
    Process holder = workers.start("worker-a", 4);
    String runId = asks.start(new AskFlow.Begin("pirates"));
    awaitTrue(() -> ledger.lines(runId).contains("ask:completed"));

    asks.send(runId, new AskFlow.Reply("arr", 0));

    assertEquals(new AskFlow.Answered("arr"), asks.result(runId, LIMIT));
    assertEquals(List.of("ask:began", "ask:completed", "answer:began", "answer:completed", "finish:began",
        "finish:completed"), ledger.lines(runId));
    assertEquals(List.of(Long.toString(holder.pid())), ledger.pids(runId, "answer", "began"));
  }

  @Test
  void waitingRunSurvivesItsWorkerAndTakesTheAnswerSentMeanwhile() throws Exception {
    Process first = workers.start("worker-a", 4);
    String runId = asks.start(new AskFlow.Begin("ships"));
    awaitTrue(() -> ledger.lines(runId).contains("ask:completed"));
    Thread.sleep(300); // let the checkpoint holding the question be saved (the run is WAITING)

    TestWorkers.kill(first);
    asks.send(runId, new AskFlow.Reply("sails", 0)); // while no worker holds the run
    Process second = workers.start("worker-b", 4);

    assertEquals(new AskFlow.Answered("sails"), asks.result(runId, LIMIT));
    assertEquals(List.of("ask:began", "ask:completed", "answer:began", "answer:completed", "finish:began",
        "finish:completed"), ledger.lines(runId));
    assertEquals(List.of(Long.toString(second.pid())), ledger.pids(runId, "answer", "began"));
  }

  @Test
  void answerHeldByASavedCheckpointIsNotHandedOverAgainAfterAKill() throws Exception {
    Process first = workers.start("worker-a", 4);
    String runId = asks.start(new AskFlow.Begin("maps"));
    awaitTrue(() -> ledger.lines(runId).contains("ask:completed"));
    asks.send(runId, new AskFlow.Reply("charts", 4_000));
    awaitTrue(() -> ledger.lines(runId).contains("finish:began"));
    Thread.sleep(300); // the checkpoint after 'answer' completed, which holds the answer, is saved

    TestWorkers.kill(first);
    Process second = workers.start("worker-b", 4);

    assertEquals(new AskFlow.Answered("charts"), asks.result(runId, LIMIT));
    // 'answer' completed in a saved checkpoint: the answer is not handed over again, and 'answer'
    // does not run again; 'finish' was in flight at the kill and runs again on the second worker.
    assertEquals(List.of("ask:began", "ask:completed", "answer:began", "answer:completed", "finish:began",
        "finish:began", "finish:completed"), ledger.lines(runId));
    assertEquals(List.of(Long.toString(first.pid()), Long.toString(second.pid())),
        ledger.pids(runId, "finish", "began"));
  }

  @Test
  void cancelSentThroughAnotherProcessStopsTheRunWhereItIsHeld() throws Exception {
    workers.start("worker-a", 4);
    String runId = chain.start(new ChainFlow.Go(1, 50_000));
    awaitTrue(() -> ledger.lines(runId).contains("slow:began"));

    long before = System.nanoTime();
    chain.cancel(runId);

    DurableRunException cancelled = assertThrows(DurableRunException.class, () -> chain.result(runId, LIMIT));
    assertEquals("CANCELLED", cancelled.status());
    assertTrue(System.nanoTime() - before < Duration.ofSeconds(20).toNanos(), "the cancel took effect at once");
    assertEquals(List.of("first:began", "first:completed", "slow:began"), ledger.lines(runId));
  }

  @Test
  void runTimeoutEndsTheRunOnTheWorkerAndIsReportedThroughAnother() throws Exception {
    workers.start("worker-a", 4);
    String runId = naps.start(new SleepyFlow.Nap(30_000));

    DurableRunException timedOut = assertThrows(DurableRunException.class, () -> naps.result(runId, LIMIT));

    assertEquals("TIMED_OUT", timedOut.status());
    assertEquals(List.of("nap:began"), ledger.lines(runId));
  }

  @Test
  void streamOfARunHeldByAWorkerIsReadThroughAnotherProcess() throws Exception {
    Process holder = workers.start("worker-a", 4);
    String runId = asks.start(new AskFlow.Begin("parrots"));
    java.util.Iterator<io.stepwise.Event> stream = asks.events(runId, LIMIT).iterator();

    // The question, published by the worker JVM, read here from the database.
    assertEquals(new AskFlow.Question("What about parrots?"), stream.next());
    asks.send(runId, new AskFlow.Reply("squawk", 0));
    assertEquals(new AskFlow.Answered("squawk"), stream.next());
    assertTrue(!stream.hasNext(), "the stream ends with the run");
    assertEquals(List.of(Long.toString(holder.pid())), ledger.pids(runId, "answer", "began"));
    // Read again from the start: the same events, in the same order.
    assertEquals(List.of(new AskFlow.Question("What about parrots?"), new AskFlow.Answered("squawk")),
        asks.events(runId, LIMIT).toList());
  }

  @Test
  void streamTableAwayForAMomentCostsReadersADelayNotAnEvent() throws Exception {
    workers.start("worker-a", 4);
    String runId = asks.start(new AskFlow.Begin("owls"));
    assertEquals(new AskFlow.Question("What about owls?"), asks.events(runId, LIMIT).iterator().next());

    // The stream table is away (renamed) while the run publishes its stop event.
    sql("ALTER TABLE \"" + schema + "\".stepwise_stream RENAME TO stepwise_stream_away");
    asks.send(runId, new AskFlow.Reply("hoot", 0));
    awaitTrue(() -> ledger.lines(runId).contains("finish:completed"));
    Thread.sleep(1_000); // the worker's first inserts of the stop event fail meanwhile
    sql("ALTER TABLE \"" + schema + "\".stepwise_stream_away RENAME TO stepwise_stream");

    assertEquals(new AskFlow.Answered("hoot"), asks.result(runId, LIMIT));
    assertEquals(List.of(new AskFlow.Question("What about owls?"), new AskFlow.Answered("hoot")),
        asks.events(runId, LIMIT).toList());
  }

  private void sql(String statement) throws java.sql.SQLException {
    try (var connection = java.sql.DriverManager.getConnection(url); var update = connection.createStatement()) {
      update.execute(statement);
    }
  }

  @Test
  void eventOfAnotherWorkflowIsRefusedBeforeItIsStored() {
    WorkflowException refused = assertThrows(WorkflowException.class, () -> asks.send("run-1", new ChainFlow.Done(1)));
    assertTrue(refused.getMessage().startsWith("Cannot write io.stepwise.dbos.ChainFlow$Done as JSON: it is not an"
        + " event of workflow 'AskFlow'"), refused.getMessage());
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
