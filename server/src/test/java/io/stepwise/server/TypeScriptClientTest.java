package io.stepwise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LlamaIndex's TypeScript client ({@code @llamaindex/workflows-client} 1.8.5, from npm, unchanged)
 * runs a human-in-the-loop workflow end to end against the server: run, stream, answer, result.
 */
class TypeScriptClientTest {
  @TempDir
  Path dir;

  @Test
  void theTypeScriptClientRunsAHumanInTheLoopWorkflowEndToEnd() throws Exception {
    NodeTool.requireNode();
    Path client = NodeTool.install("typescript-client", "package.json", "run-interview.mjs");
    try (var server = ServerFixture.builder(dir).build().start()) {
      var run = NodeTool.run(client, 120, "node", "run-interview.mjs", "http://127.0.0.1:" + server.port());
      assertEquals(0, run.exit(), run.output());
      assertEquals(List.of(
          "workflows echo,interview",
          "started running",
          "event Progress {\"message\":\"asking about types\"}",
          "event Question {\"prompt\":\"What about types?\"}",
          "sent sent",
          "event Summary {\"answer\":\"from typescript\"}",
          "handler completed Summary {\"answer\":\"from typescript\"}",
          "result {\"answer\":\"from typescript\"}"), NodeTool.lines(run.output()));
    }
  }
}
