package io.stepwise.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Debian's headless Chromium, for the debugger page's test; skipped without it, except on CI. */
final class Chromium {
  static final Path BINARY = Path.of(System.getenv().getOrDefault("STEPWISE_CHROMIUM", "/usr/bin/chromium"));

  private Chromium() {}

  static void require() {
    boolean present = Files.isExecutable(BINARY);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("Chromium is needed on CI at " + BINARY + ": .ci/run installs it");
    }
    assumeTrue(present, "Skipped: Chromium not found at " + BINARY
        + "; install it with 'apt-get install -y chromium', or point STEPWISE_CHROMIUM at one");
  }
}
