package io.stepwise.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * LlamaIndex's workflow debugger at {@code /}: the page the Python server serves, loading
 * {@code @llamaindex/workflow-debugger} {@value #VERSION}, from a local copy of the package's
 * {@code dist/} when the server has one (offline, and what the tests use), else from the CDN the
 * Python server loads it from.
 */
final class DebuggerPage {
  /** The debugger version the Python server loads. */
  static final String VERSION = "0.2.42";
  static final String ASSETS = "/debugger-assets";
  private static final String CDN = "https://cdn.jsdelivr.net/npm/@llamaindex/workflow-debugger@" + VERSION + "/dist";

  private final Path localDist;

  /** @param localDist the package's {@code dist/} directory (holding app.js and app.css), or null for the CDN */
  DebuggerPage(Path localDist) {
    this.localDist = localDist;
  }

  void register(HttpRouting.Builder routing) {
    routing.get("/", (req, res) -> html(res));
    routing.get("/index.html", (req, res) -> html(res));
    if (localDist != null) {
      routing.get(ASSETS + "/app.js", (req, res) -> file(res, "app.js", "text/javascript; charset=utf-8"));
      routing.get(ASSETS + "/app.css", (req, res) -> file(res, "app.css", "text/css; charset=utf-8"));
    }
  }

  private void html(ServerResponse res) {
    String base = localDist != null ? ASSETS : CDN;
    String page = """
        <!doctype html>
        <html lang="en">
          <head>
            <meta charset="UTF-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>workflow-debugger</title>
            <script type="module" crossorigin src="%1$s/app.js"></script>
            <link rel="stylesheet" crossorigin href="%1$s/app.css">
          </head>
          <body>
            <div id="root"></div>
          </body>
        </html>
        """.formatted(base);
    res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
    res.send(page.getBytes(StandardCharsets.UTF_8));
  }

  private void file(ServerResponse res, String name, String type) {
    try {
      byte[] bytes = Files.readAllBytes(localDist.resolve(name));
      res.header(HeaderNames.CONTENT_TYPE, type);
      res.header(HeaderNames.CACHE_CONTROL, "max-age=3600");
      res.send(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("The debugger's " + name + " is missing from " + localDist, e);
    }
  }

  static boolean isAsset(String path) {
    return path.equals("/") || path.equals("/index.html") || path.startsWith(ASSETS + "/");
  }
}
