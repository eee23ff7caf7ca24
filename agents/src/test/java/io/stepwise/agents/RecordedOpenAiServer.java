package io.stepwise.agents;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An OpenAI-compatible chat-completions server for tests: it answers each POST to
 * {@code /v1/chat/completions} with the next recorded reply, in order, and keeps every request
 * body. A request past the last reply gets HTTP 500 naming the request, so a test that calls the
 * model once too often fails loudly.
 */
final class RecordedOpenAiServer implements AutoCloseable {
  private final HttpServer server;
  private final Deque<Reply> replies = new ArrayDeque<>();
  private final List<String> requests = new ArrayList<>();

  /** A reply: a JSON body, or the chunks of a server-sent-events stream. */
  record Reply(String json, List<String> chunks) {}

  RecordedOpenAiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  synchronized RecordedOpenAiServer reply(String json) {
    replies.add(new Reply(json, List.of()));
    return this;
  }

  synchronized RecordedOpenAiServer stream(List<String> chunks) {
    replies.add(new Reply(null, chunks));
    return this;
  }

  synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Reply reply;
    synchronized (this) {
      requests.add(compact(body));
      reply = replies.poll();
    }
    if (reply == null) {
      send(exchange, 500, "application/json",
          "{\"error\":{\"message\":\"no recorded reply for request " + requests().size() + "\"}}");
    } else if (reply.json() != null) {
      send(exchange, 200, "application/json", reply.json());
    } else {
      String events = reply.chunks().stream().map(c -> "data: " + c + "\n\n").collect(Collectors.joining())
          + "data: [DONE]\n\n";
      send(exchange, 200, "text/event-stream", events);
    }
  }

  /** The body without whitespace outside strings: the client pretty-prints, the tests compare text. */
  static String compact(String json) {
    StringBuilder out = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\') {
          out.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // Recorded reply bodies, in the shape api.openai.com returns them.

  static String text(String content) {
    return completion("{\"role\":\"assistant\",\"content\":" + quote(content) + "}", "stop");
  }

  static String toolCalls(String... calls) {
    return completion("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + String.join(",", calls) + "]}",
        "tool_calls");
  }

  static String call(String id, String name, String arguments) {
    return "{\"id\":" + quote(id) + ",\"type\":\"function\",\"function\":{\"name\":" + quote(name)
        + ",\"arguments\":" + quote(arguments) + "}}";
  }

  static String chunk(String content, String finishReason) {
    return "{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"test-model\","
        + "\"choices\":[{\"index\":0,\"delta\":{" + (content == null ? "" : "\"content\":" + quote(content))
        + "},\"finish_reason\":" + (finishReason == null ? "null" : quote(finishReason)) + "}]}";
  }

  private static String completion(String message, String finishReason) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"test-model\","
        + "\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\"" + finishReason + "\"}],"
        + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
