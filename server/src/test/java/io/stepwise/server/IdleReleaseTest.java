package io.stepwise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.server.flows.PatientFlow;
import io.stepwise.server.flows.WaitingFlow;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paused runs released from memory after the idle time and reloaded when their answer comes, over
 * real HTTP: the run ends exactly as if it had stayed, and a client streaming it across the
 * release and the reload sees every event once, in order, numbered on.
 */
@Timeout(60)
class IdleReleaseTest {
  private static final Duration IDLE = Duration.ofMillis(100);

  @TempDir Path dir;
  private WorkflowServer server;
  private Http http;

  @BeforeEach
  void start() {
    server = ServerFixture.builder(dir)
        .workflow(PatientFlow.class, new PatientFlow())
        .workflow(WaitingFlow.class, new WaitingFlow())
        .idleRelease(IDLE)
        .heartbeat(Duration.ofMillis(50))
        .build()
        .start();
    http = new Http(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String startRun(String workflow, String startEvent) {
    var reply = http.post("/workflows/" + workflow + "/run-nowait", "{\"start_event\": " + startEvent + "}");
    assertEquals(200, reply.status(), reply.body());
    return (String) reply.json().get("handler_id");
  }

  /** Waits until the server released {@code count} runs in all and holds none. */
  private void awaitReleased(long count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (server.releasedRuns() < count || server.runsInMemory() != 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not released: " + server.releasedRuns() + " released, " + server.runsInMemory()
            + " in memory");
      }
      Thread.sleep(10);
    }
  }

  /** The data lines of a finished run's NDJSON stream, from the first event. */
  private List<String> allEvents(String id) {
    return http.allLines("/events/" + id + "?sse=false&after_sequence=-1");
  }

  @Test
  void aPausedRunIsReleasedThenItsAnswerReloadsItAndItEndsAsIfItHadStayed() throws Exception {
    String id = startRun("patient", "{\"topic\": \"tea\"}");
    awaitReleased(1);
    assertEquals(0, server.runsInMemory());
    assertEquals(0, server.reloadedRuns());

    // Released, not ended: every read answers as for a running run, without reloading it.
    var handler = http.get("/handlers/" + id);
    assertEquals(202, handler.status(), handler.body());
    assertEquals("running", handler.json().get("status"));
    assertEquals(202, http.get("/results/" + id).status());
    var listed = (List<?>) http.get("/handlers?status=running").json().get("handlers");
    assertEquals(List.of(id), listed.stream().map(h -> JsonTree.asObject(h).get("handler_id")).toList());
    assertEquals(0, server.reloadedRuns());

    var sent = http.post("/events/" + id, "{\"event\": {\"type\": \"Reply\", \"value\": {\"text\": \"green\"}}}");
    assertEquals(200, sent.status(), sent.body());
    assertEquals(1, server.reloadedRuns());

    var result = awaitResult(id);
    assertEquals(Map.of("answer", "green"), result.json().get("result"));
    assertEquals("completed", result.json().get("status"));
    assertEquals(List.of(
        "{\"value\":{\"message\":\"asking about tea\"},\"qualified_name\":\"io.stepwise.server.flows.PatientFlow.Progress\",\"type\":\"Progress\",\"types\":null}",
        "{\"value\":{\"prompt\":\"What about tea?\"},\"qualified_name\":\"io.stepwise.server.flows.PatientFlow.Question\",\"type\":\"Question\",\"types\":[\"InputRequiredEvent\"]}",
        "{\"value\":{\"message\":\"heard green\"},\"qualified_name\":\"io.stepwise.server.flows.PatientFlow.Progress\",\"type\":\"Progress\",\"types\":null}",
        "{\"value\":{\"answer\":\"green\"},\"qualified_name\":\"io.stepwise.server.flows.PatientFlow.Summary\",\"type\":\"Summary\",\"types\":[\"StopEvent\"]}"),
        allEvents(id));
    assertEquals(0, server.runsInMemory());
  }

  private Http.Reply awaitResult(String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      var reply = http.get("/results/" + id);
      if (reply.status() != 202) {
        assertEquals(200, reply.status(), reply.body());
        return reply;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no result: " + reply.body());
      }
      Thread.sleep(10);
    }
  }

  @Test
  void anSseClientConnectedAcrossReleaseAndReloadSeesEveryEventOnceInOrder() throws Exception {
    String id = startRun("waiting", "{\"name\": \"ada\"}");
    HttpResponse<Stream<String>> sse = http.lines("/events/" + id + "?after_sequence=-1");
    assertEquals(200, sse.statusCode());
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = Thread.ofVirtual().start(() -> {
      try (Stream<String> body = sse.body()) {
        body.forEach(lines::add);
      }
      lines.add("<end>");
    });
    List<String> events = new ArrayList<>();
    readUntil(lines, events, "\"type\":\"Ask\"");
    awaitReleased(1);
    assertEquals(0, server.runsInMemory());
    Thread.sleep(IDLE.toMillis() * 3); // heartbeats only meanwhile, on the same connection

    var sent = http.post("/events/" + id, "{\"event\": {\"type\": \"Answer\", \"value\": {\"text\": \"yes\"}}}");
    assertEquals(200, sent.status(), sent.body());
    readUntil(lines, events, "<end>");
    reader.join();

    // 0, 3, 4 and 6 are internal: the step's "running", the rest that led to the release (3), the
    // re-run's "running" (4, it announces no rest of its own: it is back in the one it had) and "finished".
    assertEquals(List.of(
        "id: 1 Note {\"message\":\"before ada\"}",
        "id: 2 Ask {\"prompt\":\"Yes, ada?\"}",
        "id: 5 Note {\"message\":\"after yes\"}",
        "id: 7 Done {\"answer\":\"ada: yes\"}"), events);
    assertEquals(1, server.reloadedRuns());
    assertEquals("completed", http.get("/handlers/" + id).json().get("status"));
    // The stored stream reads the same, numbers and all: the reloaded run's question asked again is not in it.
    List<String> stored = new ArrayList<>();
    Iterator<String> it = http.allLines("/events/" + id + "?after_sequence=-1").iterator();
    String idLine = null;
    while (it.hasNext()) {
      String line = it.next();
      if (line.startsWith("id: ")) {
        idLine = line;
      } else if (line.startsWith("data: ")) {
        stored.add(summary(idLine, line));
      }
    }
    assertEquals(events, stored);
  }

  /** Reads SSE lines into {@code events} ("id: N Type value") until a data line containing {@code marker}. */
  private static void readUntil(BlockingQueue<String> lines, List<String> events, String marker)
      throws InterruptedException {
    String idLine = null;
    while (true) {
      String line = lines.poll(20, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("no line for 20 s; events so far: " + events);
      }
      if (line.equals("<end>")) {
        if (marker.equals("<end>")) {
          return;
        }
        throw new AssertionError("stream ended before " + marker + ": " + events);
      }
      if (line.startsWith("id: ")) {
        idLine = line;
      } else if (line.startsWith("data: ")) {
        events.add(summary(idLine, line));
        if (line.contains(marker)) {
          return;
        }
      }
    }
  }

  private static String summary(String idLine, String dataLine) {
    Map<String, Object> envelope = JsonTree.asObject(JsonTree.parse(dataLine.substring("data: ".length())));
    return idLine + " " + envelope.get("type") + " " + JsonTree.write(envelope.get("value"));
  }
}
