package io.stepwise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.server.flows.ChattyFlow;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many runs publishing at once: the writer stores their events many to a transaction, and still
 * every event is stored exactly once, numbered without gaps in the order its step wrote it, and
 * a client streaming a run sees exactly the stored events, in order.
 */
class GroupCommitTest {
  static final int RUNS = 40;
  static final int TICKS = 50;

  @TempDir
  Path dir;

  @Test
  void concurrentRunsEventsAreStoredOnceInOrderAndStreamedAsStored() throws Exception {
    try (WorkflowServer server = ServerFixture.builder(dir).workflow(ChattyFlow.class, new ChattyFlow()).build()
        .start()) {
      var http = new Http(server.port());
      Map<String, List<Long>> streamed = new ConcurrentHashMap<>();
      Map<String, List<Integer>> streamedTicks = new ConcurrentHashMap<>();
      var ids = new ArrayList<String>();
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        var futures = new ArrayList<Future<String>>();
        for (int r = 0; r < RUNS; r++) {
          String label = "run" + r;
          boolean waits = r % 2 == 0; // half wait for their end, half start and stream
          futures.add(pool.submit(() -> {
            String body = "{\"start_event\": {\"label\": \"" + label + "\", \"ticks\": " + TICKS + "}}";
            if (waits) {
              var reply = http.post("/workflows/chatty/run", body);
              assertEquals(200, reply.status(), reply.body());
              var value = JsonTree.asObject(JsonTree.asObject(reply.json().get("result")).get("value"));
              assertEquals(label, value.get("label"));
              assertEquals(TICKS, ((Number) value.get("ticks")).intValue());
              return (String) reply.json().get("handler_id");
            }
            var reply = http.post("/workflows/chatty/run-nowait", body);
            assertEquals(200, reply.status(), reply.body());
            String id = (String) reply.json().get("handler_id");
            var sequences = new ArrayList<Long>();
            var ticks = new ArrayList<Integer>();
            HttpResponse<Stream<String>> sse = http.lines("/events/" + id + "?after_sequence=-1");
            assertEquals(200, sse.statusCode());
            try (Stream<String> lines = sse.body()) {
              lines.forEach(line -> {
                if (line.startsWith("id: ")) {
                  sequences.add(Long.parseLong(line.substring(4)));
                } else if (line.startsWith("data: ")) {
                  var envelope = JsonTree.asObject(JsonTree.parse(line.substring(6)));
                  if ("Tick".equals(envelope.get("type"))) {
                    ticks.add(((Number) JsonTree.asObject(envelope.get("value")).get("n")).intValue());
                  }
                }
              });
            }
            streamed.put(id, sequences);
            streamedTicks.put(id, ticks);
            return id;
          }));
        }
        for (var f : futures) {
          ids.add(f.get());
        }
      }
      assertEquals(RUNS, ids.stream().distinct().count());

      Map<String, List<Long>> storedSequences = new HashMap<>();
      Map<String, List<String>> storedEnvelopes = new HashMap<>();
      readStored(dir.resolve("server.db"), storedSequences, storedEnvelopes);
      for (String id : ids) {
        assertEquals(200, http.get("/handlers/" + id).status());
        List<Long> sequences = storedSequences.get(id);
        List<String> envelopes = storedEnvelopes.get(id);
        // 0, 1, 2, ... with no gap and no repeat: each event stored once, under its own number.
        for (int i = 0; i < sequences.size(); i++) {
          assertEquals(i, sequences.get(i), id + " stored " + sequences);
        }
        var ticks = new ArrayList<Integer>();
        var publicSequences = new ArrayList<Long>();
        for (int i = 0; i < envelopes.size(); i++) {
          var envelope = JsonTree.asObject(JsonTree.parse(envelopes.get(i)));
          if (!EventEnvelopes.isInternal(envelope)) {
            publicSequences.add(sequences.get(i));
          }
          if ("Tick".equals(envelope.get("type"))) {
            ticks.add(((Number) JsonTree.asObject(envelope.get("value")).get("n")).intValue());
          }
        }
        assertEquals(java.util.stream.IntStream.range(0, TICKS).boxed().toList(), ticks, id);
        String last = envelopes.get(envelopes.size() - 1);
        assertTrue(last.contains("\"type\":\"Done\""), id + " ends with " + last);
        if (streamed.containsKey(id)) {
          assertEquals(publicSequences, streamed.get(id), id + ": the client saw what was stored, in order");
          assertEquals(ticks, streamedTicks.get(id));
        }
      }
      long[] writes = server.eventWrites();
      long stored = storedSequences.values().stream().mapToLong(List::size).sum();
      // Each run's events, plus its handler's start and end: every write once.
      assertEquals(stored + 2L * RUNS, writes[1]);
      assertTrue(writes[0] < writes[1], "events shared transactions: " + writes[0] + " for " + writes[1]);
    }
  }

  private static void readStored(Path db, Map<String, List<Long>> sequences, Map<String, List<String>> envelopes)
      throws SQLException {
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
        var rs = c.createStatement().executeQuery(
            "SELECT run_id, sequence, envelope FROM stepwise_server_events ORDER BY run_id, sequence")) {
      while (rs.next()) {
        sequences.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
        envelopes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(3));
      }
    }
  }
}
