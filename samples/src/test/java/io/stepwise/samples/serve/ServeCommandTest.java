package io.stepwise.samples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.samples.extraction.ShippedInvoice;
import io.stepwise.samples.extraction.cli.ExtractArguments;
import io.stepwise.server.WorkflowServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}: the samples over HTTP, the extraction run and reviewed by a client, as the debugger does it. */
class ServeCommandTest {
  @TempDir
  Path dir;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void servesTheSamplesAndRunsTheExtractionWithAReview() throws Exception {
    var printed = new ByteArrayOutputStream();
    List<String> args = List.of("--port", "0", "--db", "jdbc:sqlite:" + dir.resolve("serve.db"));
    try (WorkflowServer server = ServeCommand.start(args, Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      String base = "http://127.0.0.1:" + server.port();
      String output = printed.toString(StandardCharsets.UTF_8);
      assertTrue(output.contains("Stepwise workflow server on http://127.0.0.1:" + server.port() + "/"), output);

      String workflows = get(base + "/workflows").body();
      for (String name : List.of("\"extraction\"", "\"TriageFlow\"", "\"approval\"", "\"review\"")) {
        assertTrue(workflows.contains(name), workflows);
      }

      String started = post(base + "/workflows/extraction/run-nowait", "{\"start_event\": {\"file\": \""
          + ShippedInvoice.path().replace("\\", "\\\\") + "\", \"prompt\": \"" + ExtractArguments.DEFAULT_PROMPT + "\"}}").body();
      String id = field(started, "handler_id");
      var stream = client.send(HttpRequest.newBuilder(URI.create(base + "/events/" + id + "?sse=false&after_sequence=-1"))
          .build(), HttpResponse.BodyHandlers.ofLines());
      try (Stream<String> lines = stream.body()) {
        var types = new java.util.ArrayList<String>();
        for (String line : (Iterable<String>) lines::iterator) {
          String type = field(line, "type");
          types.add(type);
          if (type.equals("ProposedSchema")) {
            var sent = post(base + "/events/" + id,
                "{\"event\": {\"type\": \"SchemaReview\", \"value\": {\"approved\": true, \"feedback\": \"\"}}}");
            assertEquals(200, sent.statusCode(), sent.body());
          }
        }
        assertTrue(types.contains("Progress"), types.toString());
        assertEquals("ExtractedData", types.getLast(), types.toString());
      }
      var handler = get(base + "/handlers/" + id);
      assertEquals(200, handler.statusCode(), handler.body());
      assertTrue(handler.body().contains("\"status\":\"completed\""), handler.body());
      assertTrue(handler.body().contains("\"type\":\"ExtractedData\",\"types\":[\"StopEvent\"]"), handler.body());
    }
  }

  @Test
  void badOptionsAreUsageErrors() {
    var err = new ByteArrayOutputStream();
    int status = ServeCommand.run(List.of("--port", "eighty"), Map.of(), System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("--port takes a number, was 'eighty'."));
  }

  private HttpResponse<String> get(String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
