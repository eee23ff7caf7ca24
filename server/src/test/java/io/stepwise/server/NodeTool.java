package io.stepwise.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs node and npm for the tests that check the server against LlamaIndex's own JavaScript
 * packages. Without node such a test is skipped locally, with a message; on CI (CI=true) it fails,
 * since .ci/run installs node.
 */
final class NodeTool {
  private NodeTool() {}

  record Result(int exit, String output) {}

  static void requireNode() {
    boolean present = run(Path.of("."), 30, "node", "--version").exit() == 0
        && run(Path.of("."), 30, "npm", "--version").exit() == 0;
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("node and npm are needed on CI: .ci/run installs them (apt-get install nodejs npm)");
    }
    assumeTrue(present, "Skipped: node and npm are not installed (apt-get install -y nodejs npm to run this test)");
  }

  /** Copies {@code src/test/node} to {@code target/<name>} and installs its pinned packages there. */
  static Path install(String name, String... packageFiles) throws IOException {
    Path dir = Path.of("target", name).toAbsolutePath();
    Files.createDirectories(dir);
    for (String file : packageFiles) {
      Path source = Path.of("src/test/node").resolve(file).normalize();
      Files.copy(source, dir.resolve(source.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Result install = run(dir, 600, "npm", "install", "--no-audit", "--no-fund", "--no-save");
    if (install.exit() != 0) {
      throw new AssertionError("npm install failed in " + dir + ":\n" + install.output());
    }
    return dir;
  }

  static Result run(Path dir, long timeoutSeconds, String... command) {
    try {
      Path log = Files.createTempFile("node-tool", ".log");
      Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command) + "\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      return new Result(-1, "cannot run " + command[0] + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }

  static List<String> lines(String output) {
    return new ArrayList<>(output.lines().toList());
  }
}
