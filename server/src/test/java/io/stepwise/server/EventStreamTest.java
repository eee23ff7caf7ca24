package io.stepwise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A human-in-the-loop run driven over HTTP: stream, answer, result, reconnect. */
class EventStreamTest {
  @TempDir
  static Path dir;
  static WorkflowServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = ServerFixture.builder(dir).heartbeat(Duration.ofMillis(200)).build().start();
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String startInterview(String topic) {
    var reply = http.post("/workflows/interview/run-nowait", "{\"start_event\": {\"topic\": \"" + topic + "\"}}");
    assertEquals(200, reply.status(), reply.body());
    assertEquals("running", reply.json().get("status"));
    return (String) reply.json().get("handler_id");
  }

  /** Reads SSE lines until an event whose data contains {@code marker}; returns the data lines read. */
  static List<String> readUntil(Iterator<String> lines, String marker) {
    var data = new ArrayList<String>();
    while (lines.hasNext()) {
      String line = lines.next();
      data.add(line);
      if (line.startsWith("data: ") && line.contains(marker)) {
        return data;
      }
    }
    throw new AssertionError("stream ended before " + marker + ": " + data);
  }

  static String awaitQuestion(String id) {
    HttpResponse<Stream<String>> sse = http.lines("/events/" + id + "?after_sequence=-1");
    assertEquals(200, sse.statusCode());
    assertEquals("text/event-stream", sse.headers().firstValue("content-type").orElseThrow());
    try (Stream<String> body = sse.body()) {
      return String.join("\n", readUntil(body.iterator(), "\"Question\""));
    }
  }

  @Test
  void sseStreamsProgressAndQuestionThenTheAnswerFinishesTheRun() throws Exception {
    String id = startInterview("tea");
    HttpResponse<Stream<String>> sse = http.lines("/events/" + id + "?after_sequence=-1");
    try (Stream<String> body = sse.body()) {
      Iterator<String> lines = body.iterator();
      List<String> first = readUntil(lines, "\"Question\"");
      assertEquals(List.of(
          "data: {\"value\":{\"message\":\"asking about tea\"},\"qualified_name\":"
              + "\"io.stepwise.server.flows.InterviewFlow.Progress\",\"type\":\"Progress\",\"types\":null}",
          "data: {\"value\":{\"prompt\":\"What about tea?\"},\"qualified_name\":"
              + "\"io.stepwise.server.flows.InterviewFlow.Question\",\"type\":\"Question\","
              + "\"types\":[\"InputRequiredEvent\"]}"),
          first.stream().filter(l -> l.startsWith("data: ")).toList());
      // Each event is "id: N", "data: ...", "": internal events are numbered too, so numbers rise with gaps.
      var ids = first.stream().filter(l -> l.startsWith("id: ")).map(l -> Long.parseLong(l.substring(4))).toList();
      assertEquals(2, ids.size());
      assertTrue(ids.get(0) < ids.get(1), ids.toString());
      assertEquals(202, http.get("/results/" + id).status());
      assertEquals(202, http.get("/handlers/" + id).status());

      var sent = http.post("/events/" + id, "{\"event\": {\"type\": \"Reply\", \"value\": {\"text\": \"green\"}}}");
      assertEquals(200, sent.status(), sent.body());
      assertEquals("{\"status\":\"sent\"}", sent.body());

      List<String> rest = new ArrayList<>();
      lines.forEachRemaining(rest::add);
      var data = rest.stream().filter(l -> l.startsWith("data: ")).toList();
      assertEquals(1, data.size(), rest.toString());
      assertTrue(data.get(0).contains("\"type\":\"Summary\",\"types\":[\"StopEvent\"]"), data.get(0));
    }
    var result = http.get("/results/" + id);
    assertEquals(200, result.status(), result.body());
    assertEquals(Map.of("answer", "green"), result.json().get("result"));
    var handler = http.get("/handlers/" + id);
    assertEquals(200, handler.status());
    assertEquals("completed", handler.json().get("status"));
    assertEquals("Summary", JsonTree.asObject(handler.json().get("result")).get("type"));
  }

  @Test
  void ndjsonReconnectAfterASequenceMissesNothing() {
    String id = startInterview("rain");
    awaitQuestion(id);
    assertEquals(200, http.post("/events/" + id, "{\"event\": {\"type\": \"Reply\", \"value\": {\"text\": \"wet\"}}}")
        .status());
    awaitDone(id);
    Map<String, Long> seq = sequences(id);
    List<String> afterProgress = http.allLines("/events/" + id + "?sse=false&after_sequence=" + seq.get("Progress"));
    assertEquals(2, afterProgress.size(), afterProgress.toString());
    assertTrue(afterProgress.get(0).contains("\"type\":\"Question\""), afterProgress.get(0));
    assertTrue(afterProgress.get(1).contains("\"type\":\"Summary\""), afterProgress.get(1));
    List<String> afterQuestion = http.allLines("/events/" + id + "?sse=false&after_sequence=" + seq.get("Question"));
    assertEquals(1, afterQuestion.size(), afterQuestion.toString());
    assertTrue(afterQuestion.get(0).startsWith("{\"value\":{\"answer\":\"wet\"}"), afterQuestion.get(0));
    List<String> all = http.allLines("/events/" + id + "?sse=false&after_sequence=-1&include_qualified_name=false");
    assertEquals(3, all.size(), all.toString());
    assertTrue(all.get(0).contains("\"qualified_name\":null"), all.get(0));
  }

  /** The SSE id of each event type of a finished run, internal events included (the last wins). */
  static Map<String, Long> sequences(String id) {
    var lines = http.allLines("/events/" + id + "?after_sequence=-1&include_internal=true");
    var out = new java.util.LinkedHashMap<String, Long>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).startsWith("id: ")) {
        var envelope = JsonTree.asObject(JsonTree.parse(lines.get(i + 1).substring("data: ".length())));
        out.put((String) envelope.get("type"), Long.parseLong(lines.get(i).substring(4)));
        out.put("last", Long.parseLong(lines.get(i).substring(4)));
      }
    }
    return out;
  }

  @Test
  void aFinishedRunWhoseEventsWereAllSeenIs204() {
    String id = startInterview("snow");
    awaitQuestion(id);
    http.post("/events/" + id, "{\"event\": {\"type\": \"Reply\", \"value\": {\"text\": \"cold\"}}}");
    awaitDone(id);
    assertEquals(204, http.get("/events/" + id).status());
    long last = sequences(id).get("last");
    assertEquals(204, http.get("/events/" + id + "?sse=false&after_sequence=" + last).status());
    assertEquals(200, http.get("/events/" + id + "?sse=false&after_sequence=" + (last - 1)).status());
  }

  @Test
  void internalEventsOnlyOnRequest() {
    String id = startInterview("wind");
    awaitQuestion(id);
    http.post("/events/" + id, "{\"event\": {\"type\": \"Reply\", \"value\": {\"text\": \"fast\"}}}");
    awaitDone(id);
    List<String> internal = http.allLines("/events/" + id + "?sse=false&after_sequence=-1&include_internal=true");
    var stepStates = internal.stream().filter(l -> l.contains("\"type\":\"StepStateChanged\"")).toList();
    assertTrue(stepStates.size() >= 4, internal.toString());
    assertTrue(stepStates.get(0).contains("\"types\":[\"InternalDispatchEvent\"]"), stepStates.get(0));
    assertTrue(internal.stream().anyMatch(l -> l.contains("\"name\":\"ask\",\"step_state\":\"running\"")),
        internal.toString());
    assertEquals(3, http.allLines("/events/" + id + "?sse=false&after_sequence=-1").size());
  }

  @Test
  void heartbeatsKeepAQuietStreamAlive() {
    String id = startInterview("fog");
    HttpResponse<Stream<String>> sse = http.lines("/events/" + id + "?after_sequence=-1");
    try (Stream<String> body = sse.body()) {
      Iterator<String> lines = body.iterator();
      readUntil(lines, "\"Question\"");
      assertEquals("", lines.next());
      assertEquals(": heartbeat", lines.next());
    }
    http.post("/handlers/" + id + "/cancel?purge=true", "");
  }

  @Test
  void lastEventIdHeaderResumesAnSseStream() {
    String id = startInterview("hail");
    awaitQuestion(id);
    http.post("/events/" + id, "{\"event\": {\"type\": \"Reply\", \"value\": {\"text\": \"ice\"}}}");
    awaitDone(id);
    long question = sequences(id).get("Question");
    var sse = http.lines("/events/" + id + "?after_sequence=-1", "Last-Event-ID", Long.toString(question));
    try (Stream<String> body = sse.body()) {
      var data = body.filter(l -> l.startsWith("data: ")).toList();
      assertEquals(1, data.size(), data.toString());
      assertTrue(data.get(0).contains("\"type\":\"Summary\""), data.get(0));
    }
  }

  @Test
  void nowGivesARunsFirstClientItsWholeStreamAndLaterClientsOnlyWhatComesNext() {
    String id = startInterview("clouds");
    HttpResponse<Stream<String>> first = http.lines("/events/" + id);
    try (Stream<String> body = first.body()) {
      var lines = readUntil(body.iterator(), "\"Question\"");
      assertTrue(lines.stream().anyMatch(l -> l.contains("\"type\":\"Progress\"")), lines.toString());
    }
    HttpResponse<Stream<String>> second = http.lines("/events/" + id);
    http.post("/events/" + id, "{\"event\": {\"type\": \"Reply\", \"value\": {\"text\": \"grey\"}}}");
    try (Stream<String> body = second.body()) {
      var data = body.filter(l -> l.startsWith("data: ")).toList();
      assertEquals(1, data.size(), data.toString());
      assertTrue(data.get(0).contains("\"type\":\"Summary\""), data.get(0));
    }
  }

  @Test
  void badAfterSequenceIs400() {
    String id = startInterview("dust");
    var reply = http.get("/events/" + id + "?after_sequence=soon");
    assertEquals(400, reply.status());
    assertEquals("{\"detail\":\"Invalid after_sequence: 'soon'\"}", reply.body());
    http.post("/handlers/" + id + "/cancel?purge=true", "");
  }

  @Test
  void streamOfAnUnknownHandlerIs404() {
    var reply = http.get("/events/nope");
    assertEquals(404, reply.status());
    assertEquals("{\"detail\":\"Handler not found\"}", reply.body());
  }

  @Test
  void sendingEventsChecksHandlerAndEvent() {
    assertEquals(404, http.post("/events/nope", "{\"event\": {\"type\": \"Reply\", \"value\": {}}}").status());
    String id = startInterview("mist");
    awaitQuestion(id);
    var missing = http.post("/events/" + id, "{}");
    assertEquals(400, missing.status());
    assertEquals("{\"detail\":\"Event data is required\"}", missing.body());
    var malformed = http.post("/events/" + id, "{\"event\": ");
    assertEquals(400, malformed.status());
    assertTrue(malformed.json().get("detail").toString().startsWith("Error processing request: malformed JSON"));
    var foreign = http.post("/events/" + id, "{\"event\": {\"type\": \"Shout\", \"value\": {}}}");
    assertEquals(400, foreign.status());
    assertTrue(foreign.json().get("detail").toString().startsWith("Invalid event type: Shout. Expected one of "),
        foreign.body());
    var notAnObject = http.post("/events/" + id, "{\"event\": \"hello\"}");
    assertEquals(400, notAnObject.status());
    assertEquals("Failed to deserialize event. Must be a json object, or stringified json object",
        notAnObject.json().get("detail"));
    var badStep = http.post("/events/" + id,
        "{\"event\": {\"type\": \"Reply\", \"value\": {\"text\": \"x\"}}, \"step\": \"nope\"}");
    assertEquals(400, badStep.status());
    assertTrue(badStep.json().get("detail").toString().startsWith("Failed to send event: "), badStep.body());
    // Stringified envelopes are accepted, as by the Python server.
    var stringified = http.post("/events/" + id,
        "{\"event\": \"{\\\"type\\\": \\\"Reply\\\", \\\"value\\\": {\\\"text\\\": \\\"ok\\\"}}\", \"step\": \"finish\"}");
    assertEquals(200, stringified.status(), stringified.body());
    awaitDone(id);
    var late = http.post("/events/" + id, "{\"event\": {\"type\": \"Reply\", \"value\": {\"text\": \"late\"}}}");
    assertEquals(409, late.status());
    assertEquals("{\"detail\":\"Workflow already completed\"}", late.body());
  }

  @Test
  void cancelThenPurge() {
    String id = startInterview("sun");
    awaitQuestion(id);
    var cancelled = http.post("/handlers/" + id + "/cancel", "");
    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals("{\"status\":\"cancelled\"}", cancelled.body());
    var handler = http.get("/handlers/" + id);
    assertEquals(500, handler.status());
    assertEquals("cancelled", handler.json().get("status"));
    assertEquals(404, http.post("/handlers/" + id + "/cancel", "").status());
    var purged = http.post("/handlers/" + id + "/cancel?purge=true", "");
    assertEquals("{\"status\":\"deleted\"}", purged.body());
    assertEquals(404, http.get("/handlers/" + id).status());
    assertEquals(404, http.get("/events/" + id).status());
    assertEquals(404, http.post("/handlers/nope/cancel", "").status());
  }

  @Test
  void handlersFilterByStatusAndWorkflow() {
    String done = (String) http.post("/workflows/echo/run", "{\"start_event\": {\"text\": \"f\", \"times\": 1}}")
        .json().get("handler_id");
    String running = startInterview("moon");
    var completedEchoes = handlerIds("/handlers?status=completed&workflow_name=echo");
    assertTrue(completedEchoes.contains(done), completedEchoes.toString());
    assertTrue(!completedEchoes.contains(running));
    var runningOnes = handlerIds("/handlers?status=running");
    assertTrue(runningOnes.contains(running) && !runningOnes.contains(done), runningOnes.toString());
    assertEquals(List.of(), handlerIds("/handlers?status=sleeping"));
    var all = handlerIds("/handlers");
    assertTrue(all.contains(running) && all.contains(done));
    http.post("/handlers/" + running + "/cancel?purge=true", "");
  }

  @Test
  void aStartUnderTheIdOfARunningHandlerIs409() {
    String id = startInterview("sea");
    var again = http.post("/workflows/interview/run-nowait", "{\"handler_id\": \"" + id + "\", \"start_event\": {}}");
    assertEquals(409, again.status());
    assertEquals("Handler '" + id + "' is already running", again.json().get("detail"));
    http.post("/handlers/" + id + "/cancel?purge=true", "");
  }

  static List<Object> handlerIds(String path) {
    var reply = http.get(path);
    assertEquals(200, reply.status());
    return ((List<?>) reply.json().get("handlers")).stream().map(h -> JsonTree.asObject(h).get("handler_id"))
        .map(Object.class::cast).toList();
  }

  static void awaitDone(String id) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (http.get("/handlers/" + id).status() != 202) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("run " + id + " did not finish");
  }
}
