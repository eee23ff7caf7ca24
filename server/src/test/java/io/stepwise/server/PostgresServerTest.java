package io.stepwise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.stepwise.server.flows.EchoFlow;
import io.stepwise.server.flows.InterviewFlow;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The server on PostgreSQL ({@code STEPWISE_TEST_PG_URL}, set by {@code eval "$(.ci/start-postgres)"}
 * and by .ci/run): a human-in-the-loop run, and its resumption by a second server. Skipped without
 * a server, except on CI.
 */
class PostgresServerTest {
  private static String url() {
    String url = System.getenv("STEPWISE_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      String how = "STEPWISE_TEST_PG_URL is not set: start a throwaway PostgreSQL with eval \"$(.ci/start-postgres)\"";
      if (System.getenv("CI") != null) {
        fail(how);
      }
      Assumptions.abort(how);
    }
    return url;
  }

  private static WorkflowServer server() {
    return WorkflowServer.builder().port(0).database(url())
        .workflow(InterviewFlow.class, new InterviewFlow())
        .workflow(EchoFlow.class, new EchoFlow())
        .build().start();
  }

  @Test
  void aRunIsKeptInPostgresAndResumedByTheNextServer() {
    String id;
    var first = server();
    var http = new Http(first.port());
    assertEquals(200, http.post("/workflows/echo/run", "{\"start_event\": {\"text\": \"pg\", \"times\": 2}}").status());
    id = (String) http.post("/workflows/interview/run-nowait", "{\"start_event\": {\"topic\": \"tables\"}}")
        .json().get("handler_id");
    EventStreamTest.http = http;
    EventStreamTest.awaitQuestion(id);
    first.close();

    try (var second = server()) {
      assertEquals(true, second.resumedHandlers().contains(id), second.resumedHandlers().toString());
      var again = new Http(second.port());
      assertEquals(200, again.post("/events/" + id, "{\"event\": {\"type\": \"Reply\", \"value\": {\"text\": \"rows\"}}}")
          .status());
      EventStreamTest.http = again;
      EventStreamTest.awaitDone(id);
      assertEquals("completed", again.get("/handlers/" + id).json().get("status"));
      var types = again.allLines("/events/" + id + "?sse=false&after_sequence=-1").stream()
          .map(l -> JsonTree.asObject(JsonTree.parse(l)).get("type")).toList();
      assertEquals(List.of("Progress", "Question"), types.subList(0, 2), types.toString());
      assertEquals("Summary", types.getLast());
      assertEquals("{\"status\":\"deleted\"}", again.post("/handlers/" + id + "/cancel?purge=true", "").body());
    }
  }
}
