package io.stepwise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LlamaIndex's debugger ({@code @llamaindex/workflow-debugger} 0.2.42 from npm, unchanged) served
 * at {@code /}, in headless Chromium: it lists the workflows, starts one from the form it builds from
 * the start event's schema, shows its events, answers its question, and shows the result.
 */
class DebuggerPageTest {
  @TempDir
  Path dir;

  static Path debuggerDist() throws Exception {
    NodeTool.requireNode();
    Path target = Path.of("target", "debugger").toAbsolutePath();
    Path dist = target.resolve("package/dist");
    if (!Files.exists(dist.resolve("app.js"))) {
      Files.createDirectories(target);
      var pack = NodeTool.run(target, 300, "npm", "pack", "--silent", "@llamaindex/workflow-debugger@"
          + DebuggerPage.VERSION);
      assertEquals(0, pack.exit(), pack.output());
      var untar = NodeTool.run(target, 60, "tar", "xzf", "llamaindex-workflow-debugger-" + DebuggerPage.VERSION + ".tgz");
      assertEquals(0, untar.exit(), untar.output());
    }
    return dist;
  }

  @Test
  void pageLoadsTheDebuggerFromTheLocalCopy() throws Exception {
    Path dist = debuggerDist();
    try (var server = ServerFixture.builder(dir).debuggerDist(dist).build().start()) {
      var http = new Http(server.port());
      var page = http.get("/");
      assertEquals(200, page.status());
      assertTrue(page.body().contains("<script type=\"module\" crossorigin src=\"/debugger-assets/app.js\"></script>"),
          page.body());
      var js = http.get("/debugger-assets/app.js");
      assertEquals(200, js.status());
      assertEquals("text/javascript; charset=utf-8", js.contentType());
      assertEquals(Files.size(dist.resolve("app.js")), js.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
  }

  @Test
  void withoutALocalCopyThePageLoadsTheDebuggerFromTheCdnAsThePythonServerDoes() throws Exception {
    try (var server = ServerFixture.builder(dir).build().start()) {
      var page = new Http(server.port()).get("/");
      assertTrue(page.body().contains(
          "src=\"https://cdn.jsdelivr.net/npm/@llamaindex/workflow-debugger@0.2.42/dist/app.js\""), page.body());
    }
  }

  @Test
  void theDebuggerListsTheWorkflowsRunsOneAndAnswersItsQuestionInChromium() throws Exception {
    Chromium.require();
    Path dist = debuggerDist();
    Path driver = NodeTool.install("debugger-driver", "../node-debugger/package.json", "../node-debugger/drive-debugger.mjs");
    try (var server = ServerFixture.builder(dir).debuggerDist(dist).build().start()) {
      var run = NodeTool.run(driver, 240, "node", "drive-debugger.mjs", "http://127.0.0.1:" + server.port() + "/",
          Chromium.BINARY.toString(), dir.toString());
      assertEquals(0, run.exit(), run.output());
      assertEquals(List.of("page loaded", "workflows echo,interview", "progress shown", "question shown",
          "answer sent", "result shown"), NodeTool.lines(run.output()));
      // The run the page started, answered from the page, is the server's and has completed.
      var handlers = new Http(server.port()).get("/handlers?status=completed&workflow_name=interview");
      var listed = (List<?>) handlers.json().get("handlers");
      assertEquals(1, listed.size(), handlers.body());
      assertEquals(Map.of("answer", "green"),
          JsonTree.asObject(JsonTree.asObject(JsonTree.asObject(listed.get(0)).get("result")).get("value")));
      assertScreenshot(dir.resolve("workflows.png"));
      assertScreenshot(dir.resolve("question.png"));
      assertScreenshot(dir.resolve("result.png"));
    }
  }

  /** A real rendering: the window's size, and the page's indigo "Run Workflow"-style buttons drawn. */
  private static void assertScreenshot(Path png) throws Exception {
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1280, image.getWidth());
    assertEquals(800, image.getHeight());
    var colours = new java.util.HashSet<Integer>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.add(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    assertTrue(colours.size() > 20, png + " looks blank: " + colours.size() + " colours");
    if (System.getenv("STEPWISE_KEEP_SCREENSHOTS") != null) {
      Files.copy(png, Path.of(System.getenv("STEPWISE_KEEP_SCREENSHOTS")).resolve(png.getFileName()),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
