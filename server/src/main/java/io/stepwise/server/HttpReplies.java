package io.stepwise.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** JSON bodies in and out, and the protocol's error shape {@code {"detail": "..."}}. */
final class HttpReplies {
  private HttpReplies() {}

  /** A request the server refuses, with the HTTP status and the detail the client sees. */
  static final class HttpError extends RuntimeException {
    final int status;

    HttpError(int status, String detail) {
      super(detail);
      this.status = status;
    }
  }

  static void json(ServerResponse res, int status, Object body) {
    res.status(Status.create(status));
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(JsonTree.write(body).getBytes(StandardCharsets.UTF_8));
  }

  static void error(ServerResponse res, int status, String detail) {
    json(res, status, Map.of("detail", detail));
  }

  /**
   * The body as text, refused with 413 past {@code maxBytes} (by its Content-Length when it has
   * one, else while reading), so a large body is never held whole.
   */
  static String body(ServerRequest req, long maxBytes) {
    long declared = req.headers().contentLength().orElse(-1L);
    if (declared > maxBytes) {
      throw tooLarge(maxBytes);
    }
    try (InputStream in = req.content().inputStream()) {
      var out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > maxBytes) {
          throw tooLarge(maxBytes);
        }
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HttpError(400, "Error reading the request body: " + e.getMessage());
    }
  }

  private static HttpError tooLarge(long maxBytes) {
    return new HttpError(413, "Request body is larger than the limit of " + maxBytes
        + " bytes; send a smaller body, or start the server with a larger maxBodyBytes");
  }

  /** The body as a JSON object; an empty body is an empty object. */
  static Map<String, Object> objectBody(ServerRequest req, long maxBytes, String what) {
    String text = body(req, maxBytes);
    if (text.isBlank()) {
      return new java.util.LinkedHashMap<>();
    }
    Object parsed;
    try {
      parsed = JsonTree.parse(text);
    } catch (JsonTree.MalformedJsonException e) {
      throw new HttpError(400, what + ": " + e.getMessage());
    }
    Map<String, Object> object = JsonTree.asObject(parsed);
    if (object == null) {
      throw new HttpError(400, what + ": the body must be a JSON object");
    }
    return object;
  }

  /** A boolean query parameter as the Python server reads one: only "true" (any case) is true. */
  static boolean flag(ServerRequest req, String name, boolean orElse) {
    return req.query().first(name).map(v -> v.equalsIgnoreCase("true")).orElse(orElse);
  }
}
