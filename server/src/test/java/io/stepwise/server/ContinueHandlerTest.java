package io.stepwise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.server.flows.TallyFlow;
import io.stepwise.store.jdbc.JdbcRunStore;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python's continuation over HTTP: a run started with the {@code handler_id} of a finished handler
 * starts from that handler's final state and store; with the context API on, a run starts from a
 * finished run's snapshot sent as {@code context}.
 */
class ContinueHandlerTest {
  @TempDir
  static Path dir;
  static WorkflowServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = ServerFixture.builder(dir).workflow(TallyFlow.class, new TallyFlow()).acceptContextApi(true).build()
        .start();
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Map<String, Object> run(String body) {
    var reply = http.post("/workflows/tally/run", body);
    assertEquals(200, reply.status(), reply.body());
    assertEquals("completed", reply.json().get("status"));
    return reply.json();
  }

  static Map<String, Object> total(Map<String, Object> handler) {
    return JsonTree.asObject(JsonTree.asObject(handler.get("result")).get("value"));
  }

  static String tally(int total, int runs, String... notes) {
    var tally = new java.util.LinkedHashMap<String, Object>();
    tally.put("total", total);
    tally.put("runs", runs);
    tally.put("notes", List.of(notes));
    return JsonTree.write(tally);
  }

  @Test
  void aRunUnderAFinishedHandlersIdContinuesItsStateAndStore() throws Exception {
    var first = run("{\"handler_id\": \"tally-1\", \"start_event\": {\"amount\": 5, \"note\": \"first\"}}");
    assertEquals("tally-1", first.get("run_id"));
    assertEquals(tally(5, 1, "first"), JsonTree.write(total(first)));

    var second = run("{\"handler_id\": \"tally-1\", \"start_event\": {\"amount\": 7, \"note\": \"second\"}}");
    assertEquals("tally-1", second.get("handler_id"));
    String secondRun = (String) second.get("run_id");
    assertNotEquals("tally-1", secondRun, "a continued handler runs a run of its own");
    assertEquals(tally(12, 2, "first", "second"), JsonTree.write(total(second)));

    // run-nowait continues too; the handler then answers with the third run.
    var nowait = http.post("/workflows/tally/run-nowait",
        "{\"handler_id\": \"tally-1\", \"start_event\": {\"amount\": 30, \"note\": \"third\"}}");
    assertEquals(200, nowait.status(), nowait.body());
    Map<String, Object> handler = awaitCompleted("tally-1");
    assertEquals(tally(42, 3, "first", "second", "third"), JsonTree.write(total(handler)));
    String thirdRun = (String) handler.get("run_id");
    assertNotEquals(secondRun, thirdRun);

    // The handler's stream is its last run's, numbered from 0; the replaced runs' events are gone.
    List<String> lines = http.allLines("/events/tally-1?after_sequence=-1&include_internal=true");
    List<String> ids = lines.stream().filter(l -> l.startsWith("id: ")).toList();
    assertEquals(java.util.stream.IntStream.range(0, ids.size()).mapToObj(i -> "id: " + i).toList(), ids,
        String.join("\n", lines));
    String last = lines.stream().filter(l -> l.startsWith("data: ")).reduce((a, b) -> b).orElseThrow();
    assertTrue(last.contains("\"value\":" + tally(42, 3, "first", "second", "third")), last);
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("server.db"));
        var rs = c.createStatement().executeQuery("SELECT DISTINCT run_id FROM stepwise_server_events WHERE run_id IN"
            + " ('tally-1', '" + secondRun + "', '" + thirdRun + "')")) {
      assertTrue(rs.next());
      assertEquals(thirdRun, rs.getString(1));
      assertTrue(!rs.next(), "only the last run's events are kept");
    }
    var runs = JdbcRunStore.create("jdbc:sqlite:" + dir.resolve("server.db"));
    assertTrue(runs.load("tally-1").isEmpty());
    assertTrue(runs.load(secondRun).isEmpty());
    assertTrue(runs.load(thirdRun).isPresent());
    assertTrue(server.finalSnapshot("tally-1").orElseThrow().contains("\"total\":42"));
  }

  @Test
  void aRunningHandlerOrAnotherWorkflowsHandlerIsNotContinued() {
    var interview = http.post("/workflows/interview/run-nowait",
        "{\"handler_id\": \"busy-1\", \"start_event\": {\"topic\": \"tea\"}}");
    assertEquals(200, interview.status(), interview.body());
    var again = http.post("/workflows/interview/run-nowait",
        "{\"handler_id\": \"busy-1\", \"start_event\": {\"topic\": \"tea\"}}");
    assertEquals(409, again.status());
    assertEquals("Handler 'busy-1' is already running", again.json().get("detail"));
    http.post("/handlers/busy-1/cancel?purge=true", "");

    run("{\"handler_id\": \"tally-2\", \"start_event\": {\"amount\": 1, \"note\": \"one\"}}");
    var echo = http.post("/workflows/echo/run", "{\"handler_id\": \"tally-2\", \"start_event\": {\"text\": \"x\","
        + " \"times\": 1}}");
    assertEquals(400, echo.status());
    assertEquals("Handler 'tally-2' ran workflow 'tally', not 'echo'; continue it through POST /workflows/tally/run,"
        + " or start this run under another handler_id", echo.json().get("detail"));
    // Refused before anything changed: the handler still holds its run.
    assertEquals(tally(1, 1, "one"), JsonTree.write(total(http.get("/handlers/tally-2").json())));
  }

  @Test
  void aRunStartsFromAFinishedRunsSnapshotSentAsContext() {
    run("{\"handler_id\": \"ctx-source\", \"start_event\": {\"amount\": 3, \"note\": \"before\"}}");
    String snapshot = server.finalSnapshot("ctx-source").orElseThrow();

    // As a JSON string, under a new handler.
    var asText = run("{\"context\": " + JsonTree.write(snapshot) + ", \"start_event\": {\"amount\": 4, \"note\":"
        + " \"after\"}}");
    assertEquals(tally(7, 2, "before", "after"), JsonTree.write(total(asText)));
    // As the object itself.
    var asObject = run("{\"context\": " + snapshot + ", \"start_event\": {\"amount\": 10, \"note\": \"again\"}}");
    assertEquals(tally(13, 2, "before", "again"), JsonTree.write(total(asObject)));
    // The source handler is untouched.
    assertEquals(tally(3, 1, "before"), JsonTree.write(total(http.get("/handlers/ctx-source").json())));

    var malformed = http.post("/workflows/tally/run", "{\"context\": \"not json\", \"start_event\": {\"amount\": 1,"
        + " \"note\": \"x\"}}");
    assertEquals(400, malformed.status());
    String detail = (String) malformed.json().get("detail");
    assertTrue(detail.startsWith("Invalid context: ") && detail.endsWith(
        ". 'context' is the snapshot of a finished run of this workflow (Snapshot.toJson())"), detail);

    var echo = http.post("/workflows/echo/run", "{\"context\": " + snapshot + ", \"start_event\": {\"text\": \"x\","
        + " \"times\": 1}}");
    assertEquals(400, echo.status());
    assertEquals("Invalid context: it is a snapshot of workflow 'tally', not 'echo'", echo.json().get("detail"));
  }

  static Map<String, Object> awaitCompleted(String id) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      var reply = http.get("/handlers/" + id);
      if (reply.status() == 200) {
        return reply.json();
      }
      assertEquals(202, reply.status(), reply.body());
      Thread.sleep(25);
    }
    throw new AssertionError("handler " + id + " did not complete");
  }
}
