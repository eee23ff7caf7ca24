package io.stepwise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.server.flows.PatientFlow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs at rest — only an answer from outside can move them on — are not loaded by the next server
 * at its start (Python's {@code idle_since}): released at idle or at close, they stay in the
 * database until their answer reloads them, and then end as if they had stayed in memory. Runs
 * with work or a timer are resumed at start as before (SecurityAndRestartTest, KillNineTest).
 */
@Timeout(60)
class ReleasedAcrossRestartTest {
  private static final List<String> EVENTS = List.of(
      "{\"value\":{\"message\":\"asking about tea\"},\"qualified_name\":\"io.stepwise.server.flows.PatientFlow.Progress\",\"type\":\"Progress\",\"types\":null}",
      "{\"value\":{\"prompt\":\"What about tea?\"},\"qualified_name\":\"io.stepwise.server.flows.PatientFlow.Question\",\"type\":\"Question\",\"types\":[\"InputRequiredEvent\"]}",
      "{\"value\":{\"message\":\"heard green\"},\"qualified_name\":\"io.stepwise.server.flows.PatientFlow.Progress\",\"type\":\"Progress\",\"types\":null}",
      "{\"value\":{\"answer\":\"green\"},\"qualified_name\":\"io.stepwise.server.flows.PatientFlow.Summary\",\"type\":\"Summary\",\"types\":[\"StopEvent\"]}");

  @TempDir Path dir;

  private WorkflowServer server(Duration idleRelease) {
    return ServerFixture.builder(dir).workflow(PatientFlow.class, new PatientFlow()).idleRelease(idleRelease).build()
        .start();
  }

  private Set<String> marked() {
    try (HandlerStore store = HandlerStore.open("jdbc:sqlite:" + dir.resolve("server.db"))) {
      return store.releasedHandlers();
    }
  }

  @Test
  void aRunAtRestWhenTheServerClosesStaysInTheDatabaseUntilItsAnswerReloadsIt() {
    String id;
    try (var first = server(Duration.ofHours(1))) {
      var http = new Http(first.port());
      id = (String) http.post("/workflows/patient/run-nowait", "{\"start_event\": {\"topic\": \"tea\"}}")
          .json().get("handler_id");
      EventStreamTest.http = http;
      EventStreamTest.awaitQuestion(id);
    } // closed: the run at rest is released, not left to be resumed
    assertEquals(Set.of(id), marked());

    try (var second = server(Duration.ofHours(1))) {
      answerAndCheck(second, id);
    }
  }

  @Test
  void aRunReleasedAtIdleIsNotLoadedByTheNextServer() throws InterruptedException {
    String id;
    try (var first = server(Duration.ofMillis(100))) {
      var http = new Http(first.port());
      id = (String) http.post("/workflows/patient/run-nowait", "{\"start_event\": {\"topic\": \"tea\"}}")
          .json().get("handler_id");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (first.releasedRuns() < 1 || first.runsInMemory() != 0) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("not released");
        }
        Thread.sleep(10);
      }
      assertEquals(Set.of(id), marked());
    }

    try (var second = server(Duration.ofHours(1))) {
      answerAndCheck(second, id);
    }
  }

  /** The run is not in memory at start; the answer reloads it, unmarked first, and it ends as if it had stayed. */
  private void answerAndCheck(WorkflowServer server, String id) {
    assertEquals(List.of(), server.resumedHandlers());
    assertEquals(0, server.runsInMemory());
    var http = new Http(server.port());
    assertEquals("running", http.get("/handlers/" + id).json().get("status"));

    var sent = http.post("/events/" + id, "{\"event\": {\"type\": \"Reply\", \"value\": {\"text\": \"green\"}}}");
    assertEquals(200, sent.status(), sent.body());
    assertEquals(1, server.reloadedRuns());
    assertEquals(Set.of(), marked()); // were this server to die now, the next one resumes the run at start

    EventStreamTest.http = http;
    EventStreamTest.awaitDone(id);
    var result = http.get("/results/" + id);
    assertEquals(200, result.status(), result.body());
    assertEquals(Map.of("answer", "green"), result.json().get("result"));
    assertEquals(EVENTS, http.allLines("/events/" + id + "?sse=false&after_sequence=-1"));
  }
}
