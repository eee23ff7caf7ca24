package io.stepwise.dbos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad configuration fails at once, naming what was wrong and what to do; no database needed. */
class BuilderTest {
  private final ChainFlow flow = new ChainFlow(new Ledger("jdbc:postgresql://localhost/none", "none"));

  @Test
  void urlOfAnotherDatabaseIsRefused() {
    var refused = assertThrows(IllegalArgumentException.class,
        () -> StepwiseDbos.builder().postgres("jdbc:sqlite:runs.db", "u", "p"));
    assertEquals("postgres(url, ...) needs a JDBC URL of PostgreSQL, such as jdbc:postgresql://localhost:5432/app,"
        + " was jdbc:sqlite:runs.db", refused.getMessage());
  }

  @Test
  void userIsTakenFromTheUrlOrRequired() {
    var refused = assertThrows(IllegalArgumentException.class,
        () -> StepwiseDbos.builder().postgres("jdbc:postgresql://db/app", null, null));
    assertEquals("postgres(url, user, password) needs a user, as an argument or as ?user=... in the URL:"
        + " jdbc:postgresql://db/app", refused.getMessage());
    StepwiseDbos.builder().postgres("jdbc:postgresql://db/app?user=app&password=x", null, null); // accepted
  }

  @Test
  void launchNeedsADatabaseAndAWorkflow() {
    var noDatabase = assertThrows(IllegalStateException.class,
        () -> StepwiseDbos.builder().register(ChainFlow_Workflow.of(flow)).launch());
    assertEquals("Name the PostgreSQL database with postgres(url, user, password) before launch()",
        noDatabase.getMessage());
    var noWorkflow = assertThrows(IllegalStateException.class,
        () -> StepwiseDbos.builder().postgres("jdbc:postgresql://db/app", "u", "p").launch());
    assertEquals("Register at least one workflow with register(...) before launch()", noWorkflow.getMessage());
  }

  @Test
  void idleReleaseIsZeroOrMore() {
    var negative = assertThrows(IllegalArgumentException.class,
        () -> StepwiseDbos.builder().idleRelease(Duration.ofSeconds(-1)));
    assertEquals("idleRelease needs a duration of zero (never release) or more, was PT-1S", negative.getMessage());
    StepwiseDbos.builder().idleRelease(Duration.ZERO).idleRelease(Duration.ofMinutes(5)); // accepted
  }

  @Test
  void workflowIsRegisteredOnceWithAtLeastOneSlot() {
    var twice = assertThrows(IllegalArgumentException.class, () -> StepwiseDbos.builder()
        .register(ChainFlow_Workflow.of(flow)).register(ChainFlow_Workflow.of(flow)));
    assertEquals("Workflow 'ChainFlow' is registered twice; register each workflow once", twice.getMessage());
    var noSlot = assertThrows(IllegalArgumentException.class,
        () -> StepwiseDbos.builder().register(ChainFlow_Workflow.of(flow), 0));
    assertEquals("runsPerWorker of workflow 'ChainFlow' must be at least 1, was 0", noSlot.getMessage());
  }

  @Test
  void schemaAndLeasesAreChecked() {
    var schema = assertThrows(IllegalArgumentException.class, () -> StepwiseDbos.builder().schema("Runs; DROP"));
    assertEquals("schema must be a lower-case SQL name ([a-z_][a-z0-9_]*, at most 63 characters), was Runs; DROP",
        schema.getMessage());
    var leases = assertThrows(IllegalArgumentException.class,
        () -> StepwiseDbos.builder().leases(Duration.ofSeconds(5), Duration.ofSeconds(6)));
    assertEquals("leases(heartbeat, timeout) needs a positive heartbeat and a timeout of at least two heartbeats,"
        + " was PT5S and PT6S", leases.getMessage());
  }

  @Test
  void connectionPoolHasAtLeastOneConnection() {
    var refused = assertThrows(IllegalArgumentException.class, () -> StepwiseDbos.builder().connections(0));
    assertEquals("connections(size) needs at least 1 connection, was 0; a worker needs one to save its runs'"
        + " checkpoints", refused.getMessage());
  }
}
