package io.stepwise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.server.flows.WaitingFlow;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's rests on the wire, over real HTTP: a {@code WorkflowIdleEvent} envelope, internal as
 * in Python (only with {@code include_internal}), right after the question of a step that waits,
 * where the Python server streams it; and an answer sent on seeing it, even with an idle release
 * quicker than the client, completes the run (Python's test_idle_release_live_http).
 */
@Timeout(60)
class IdleEventStreamTest {
  private static final String RUNNING = "{\"value\":{\"name\":\"ask\",\"step_state\":\"running\",\"worker_id\":\"0\","
      + "\"input_event_name\":\"Go\",\"output_event_name\":null,\"status\":\"running\",\"attempt\":1},"
      + "\"qualified_name\":\"io.stepwise.StepStateChanged\",\"type\":\"StepStateChanged\","
      + "\"types\":[\"InternalDispatchEvent\"]}";
  private static final String IDLE = "{\"value\":{},\"qualified_name\":\"io.stepwise.WorkflowIdleEvent\","
      + "\"type\":\"WorkflowIdleEvent\",\"types\":[\"InternalDispatchEvent\"]}";

  @TempDir Path dir;
  private WorkflowServer server;
  private Http http;

  private void start(Duration idleRelease) {
    var builder = ServerFixture.builder(dir).workflow(WaitingFlow.class, new WaitingFlow());
    if (idleRelease != null) {
      builder.idleRelease(idleRelease);
    }
    server = builder.build().start();
    http = new Http(server.port());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private String startWaiting(String name) {
    var reply = http.post("/workflows/waiting/run-nowait", "{\"start_event\": {\"name\": \"" + name + "\"}}");
    assertEquals(200, reply.status(), reply.body());
    return (String) reply.json().get("handler_id");
  }

  /** Reads NDJSON lines into {@code seen} until one of type {@code type}. */
  private static void readUntil(Iterator<String> lines, List<String> seen, String type) {
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.isBlank()) {
        continue;
      }
      seen.add(line);
      if (line.contains("\"type\":\"" + type + "\"")) {
        return;
      }
    }
    throw new AssertionError("the stream ended before a " + type + ": " + seen);
  }

  private static List<String> rest(Iterator<String> lines) {
    List<String> seen = new ArrayList<>();
    lines.forEachRemaining(line -> {
      if (!line.isBlank()) {
        seen.add(line);
      }
    });
    return seen;
  }

  @Test
  void anInternalStreamShowsTheRestRightAfterTheQuestionAndTheAnswerSentOnItEndsTheRun() {
    start(null);
    String id = startWaiting("ada");
    HttpResponse<Stream<String>> response =
        http.lines("/events/" + id + "?sse=false&after_sequence=-1&include_internal=true");
    assertEquals(200, response.statusCode());
    try (Stream<String> body = response.body()) {
      Iterator<String> lines = body.iterator();
      List<String> seen = new ArrayList<>();
      readUntil(lines, seen, "WorkflowIdleEvent");
      assertEquals(List.of(
          RUNNING,
          "{\"value\":{\"message\":\"before ada\"},\"qualified_name\":\"io.stepwise.server.flows.WaitingFlow.Note\","
              + "\"type\":\"Note\",\"types\":null}",
          "{\"value\":{\"prompt\":\"Yes, ada?\"},\"qualified_name\":\"io.stepwise.server.flows.WaitingFlow.Ask\","
              + "\"type\":\"Ask\",\"types\":[\"InputRequiredEvent\"]}",
          IDLE), seen);

      var sent = http.post("/events/" + id, "{\"event\": {\"type\": \"Answer\", \"value\": {\"text\": \"yes\"}}}");
      assertEquals(200, sent.status(), sent.body());
      assertEquals("sent", sent.json().get("status"));

      assertEquals(List.of(
          "{\"value\":{\"message\":\"after yes\"},\"qualified_name\":\"io.stepwise.server.flows.WaitingFlow.Note\","
              + "\"type\":\"Note\",\"types\":null}",
          "{\"value\":{\"name\":\"ask\",\"step_state\":\"not_running\",\"worker_id\":\"0\",\"input_event_name\":\"Go\","
              + "\"output_event_name\":\"Done\",\"status\":\"finished\",\"attempt\":1},"
              + "\"qualified_name\":\"io.stepwise.StepStateChanged\",\"type\":\"StepStateChanged\","
              + "\"types\":[\"InternalDispatchEvent\"]}",
          "{\"value\":{\"answer\":\"ada: yes\"},\"qualified_name\":\"io.stepwise.server.flows.WaitingFlow.Done\","
              + "\"type\":\"Done\",\"types\":[\"StopEvent\"]}"), rest(lines));
    }
    // Without include_internal the rest is left out, as the step states are.
    assertEquals(List.of("Note", "Ask", "Note", "Done"),
        http.allLines("/events/" + id + "?sse=false&after_sequence=-1").stream()
            .map(line -> JsonTree.asObject(JsonTree.parse(line)).get("type")).toList());
  }

  @Test
  void anAnswerSentOnTheRestIsNotLostToAnIdleReleaseQuickerThanTheClient() throws Exception {
    start(Duration.ofMillis(1));
    String id = startWaiting("bo");
    HttpResponse<Stream<String>> response =
        http.lines("/events/" + id + "?sse=false&after_sequence=-1&include_internal=true");
    try (Stream<String> body = response.body()) {
      readUntil(body.iterator(), new ArrayList<>(), "WorkflowIdleEvent");
    }
    var sent = http.post("/events/" + id, "{\"event\": {\"type\": \"Answer\", \"value\": {\"text\": \"hello\"}}}");
    assertEquals(200, sent.status(), sent.body());
    assertEquals("sent", sent.json().get("status"));

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Map<String, Object> handler = http.get("/handlers/" + id).json();
    while (!"completed".equals(handler.get("status")) && System.nanoTime() < deadline) {
      Thread.sleep(10);
      handler = http.get("/handlers/" + id).json();
    }
    assertEquals("completed", handler.get("status"), handler.toString());
    assertEquals(Map.of("answer", "bo: hello"), JsonTree.asObject(handler.get("result")).get("value"));
  }
}
