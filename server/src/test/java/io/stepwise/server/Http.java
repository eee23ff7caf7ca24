package io.stepwise.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Real HTTP round trips to a server under test, with the JDK's client. */
final class Http {
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;

  Http(int port) {
    this(port, null);
  }

  Http(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  record Reply(int status, String body, String contentType) {
    Map<String, Object> json() {
      return JsonTree.asObject(JsonTree.parse(body));
    }
  }

  Reply get(String path) {
    return send(request(path).GET().build());
  }

  Reply post(String path, String body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpRequest.Builder request(String path) {
    var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(),
          response.headers().firstValue("content-type").orElse(""));
    } catch (IOException e) {
      throw new AssertionError("request failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The lines of a streamed response, as they arrive. */
  HttpResponse<Stream<String>> lines(String path, String... headers) {
    var builder = request(path);
    if (headers.length > 0) {
      builder.headers(headers);
    }
    try {
      return client.send(builder.GET().build(), HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The whole body of a stream that ends, split into lines. */
  List<String> allLines(String path) {
    var response = lines(path);
    try (Stream<String> lines = response.body()) {
      return new ArrayList<>(lines.toList());
    }
  }
}
