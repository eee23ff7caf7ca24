package io.stepwise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityAndRestartTest {
  @TempDir
  Path dir;

  @Test
  void aBearerTokenProtectsEveryRouteButTheDebuggerPage() {
    try (var server = ServerFixture.builder(dir).bearerToken("s3cret").build().start()) {
      var anonymous = new Http(server.port());
      var wrong = new Http(server.port(), "guess");
      var right = new Http(server.port(), "s3cret");
      for (String path : List.of("/health", "/workflows", "/handlers", "/events/x", "/workflows/echo/schema")) {
        var reply = anonymous.get(path);
        assertEquals(401, reply.status(), path);
        assertTrue(reply.json().get("detail").toString().startsWith("Not authenticated"), reply.body());
        assertEquals(401, wrong.get(path).status(), path);
      }
      assertEquals(401, anonymous.post("/workflows/echo/run", "{}").status());
      assertEquals(200, right.get("/workflows").status());
      assertEquals(200, right.post("/workflows/echo/run", "{\"start_event\": {\"text\": \"t\", \"times\": 1}}")
          .status());
      assertEquals(200, anonymous.get("/").status());
    }
  }

  @Test
  void listensOnLoopbackByDefault() {
    try (var server = ServerFixture.builder(dir).build().start()) {
      var http = new Http(server.port());
      assertEquals(200, http.get("/health").status());
      var reply = http.send(http.request("/health").header("Origin", "http://example.test").GET().build());
      assertEquals(200, reply.status());
    }
  }

  @Test
  void preflightRequestsAreAnsweredForAnyOrigin() {
    try (var server = ServerFixture.builder(dir).build().start()) {
      var http = new Http(server.port());
      var reply = http.send(http.request("/workflows/echo/run").header("Origin", "http://localhost:5173")
          .header("Access-Control-Request-Method", "POST")
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
      assertEquals(200, reply.status());
    }
  }

  @Test
  void aRestartedServerResumesTheRunsInProgressAndKeepsTheirEvents() {
    String id;
    var first = ServerFixture.builder(dir).build().start();
    var http = new Http(first.port());
    id = (String) http.post("/workflows/interview/run-nowait", "{\"start_event\": {\"topic\": \"tides\"}}")
        .json().get("handler_id");
    EventStreamTest.http = http;
    EventStreamTest.awaitQuestion(id);
    first.close(); // runs in progress are left running in the database, for the next server to resume

    try (var second = ServerFixture.builder(dir).build().start()) {
      assertEquals(List.of(id), second.resumedHandlers());
      var again = new Http(second.port());
      assertEquals(202, again.get("/handlers/" + id).status());
      var sent = again.post("/events/" + id, "{\"event\": {\"type\": \"Reply\", \"value\": {\"text\": \"high\"}}}");
      assertEquals(200, sent.status(), sent.body());
      EventStreamTest.http = again;
      EventStreamTest.awaitDone(id);
      var handler = again.get("/handlers/" + id);
      assertEquals(200, handler.status(), handler.body());
      assertEquals("completed", handler.json().get("status"));
      var events = again.allLines("/events/" + id + "?sse=false&after_sequence=-1");
      var types = events.stream().map(l -> JsonTree.asObject(JsonTree.parse(l)).get("type")).toList();
      // Before the restart: Progress and Question; after: the re-run step asks again, then the summary.
      assertEquals("Progress", types.get(0), events.toString());
      assertEquals("Question", types.get(1));
      assertEquals("Summary", types.get(types.size() - 1));
    }
  }
}
