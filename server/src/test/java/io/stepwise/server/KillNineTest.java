package io.stepwise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server process killed with SIGKILL while a run waits for its answer: a new process on the same
 * database resumes the run, takes the answer, finishes it, and still has the events from before.
 */
class KillNineTest {
  @TempDir
  Path dir;

  @Test
  void aServerKilledMidRunComesBackAndFinishesTheRun() throws Exception {
    Path db = dir.resolve("server.db");
    Process first = start(db, dir.resolve("first.port"));
    try {
      var http = new Http(port(dir.resolve("first.port"), first));
      String id = (String) http.post("/workflows/interview/run-nowait", "{\"start_event\": {\"topic\": \"crashes\"}}")
          .json().get("handler_id");
      EventStreamTest.http = http;
      EventStreamTest.awaitQuestion(id);
      first.destroyForcibly(); // SIGKILL: no shutdown hook, nothing recorded as ended
      assertTrue(first.waitFor(30, TimeUnit.SECONDS));
      assertEquals(137, first.exitValue());

      Process second = start(db, dir.resolve("second.port"));
      try {
        String[] started = Files.readString(awaitFile(dir.resolve("second.port"), second)).split(" ");
        assertEquals(id, started.length > 1 ? started[1] : "(none resumed)");
        var again = new Http(Integer.parseInt(started[0]));
        assertEquals(202, again.get("/handlers/" + id).status());
        var sent = again.post("/events/" + id, "{\"event\": {\"type\": \"Reply\", \"value\": {\"text\": \"survived\"}}}");
        assertEquals(200, sent.status(), sent.body());
        EventStreamTest.http = again;
        EventStreamTest.awaitDone(id);
        var handler = again.get("/handlers/" + id);
        assertEquals("completed", handler.json().get("status"), handler.body());
        var types = again.allLines("/events/" + id + "?sse=false&after_sequence=-1").stream()
            .map(l -> JsonTree.asObject(JsonTree.parse(l)).get("type")).toList();
        assertEquals(List.of("Progress", "Question"), types.subList(0, 2), types.toString());
        assertEquals("Summary", types.getLast(), types.toString());
      } finally {
        second.destroyForcibly();
      }
    } finally {
      first.destroyForcibly();
    }
  }

  private Process start(Path db, Path portFile) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "--enable-native-access=ALL-UNNAMED", "io.stepwise.server.ServerProcessMain", db.toString(), portFile.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve(portFile.getFileName() + ".log").toFile()).start();
  }

  private int port(Path portFile, Process process) throws Exception {
    return Integer.parseInt(Files.readString(awaitFile(portFile, process)).split(" ")[0]);
  }

  private Path awaitFile(Path file, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(file)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("the server process did not start; its log:\n"
            + Files.readString(dir.resolve(file.getFileName() + ".log")));
      }
      Thread.sleep(50);
    }
    return file;
  }
}
