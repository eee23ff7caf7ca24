package io.stepwise.samples.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local OpenAI-compatible server for tests: it listens on 127.0.0.1 (a free port), answers
 * {@code POST /v1/chat/completions} with recorded responses from
 * {@code src/test/resources/recorded/}, in the order they were queued, and keeps every request
 * so a test can assert what the real client sent over HTTP.
 */
public final class RecordedOpenAiServer implements AutoCloseable {
  /** The key tests configure; the server checks the client sends it. */
  public static final String API_KEY = "sk-test-recorded";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final Queue<String> responses = new ArrayDeque<>();
  private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();

  private RecordedOpenAiServer(HttpServer server) {
    this.server = server;
  }

  /** Starts a server that answers with the named recordings, one per request, in order. */
  public static RecordedOpenAiServer serving(String... recordings) {
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      RecordedOpenAiServer recorded = new RecordedOpenAiServer(http);
      for (String name : recordings) {
        recorded.responses.add(load(name));
      }
      http.createContext("/", recorded::handle);
      http.start();
      return recorded;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the recorded OpenAI server on 127.0.0.1", e);
    }
  }

  /** The base URL a client is configured with, e.g. {@code http://127.0.0.1:43123/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Settings that point the samples' model factory at this server. */
  public ModelSettings settings(String modelName) {
    return ModelSettings.from(Map.of("OPENAI_API_KEY", API_KEY, "OPENAI_BASE_URL", baseUrl(), "OPENAI_MODEL", modelName));
  }

  /** A real LangChain4j OpenAI client talking to this server. */
  public ChatModel client(String modelName) {
    return ChatModels.openAi(settings(modelName));
  }

  /** Every request received so far, in order. */
  public List<ReceivedRequest> received() {
    return List.copyOf(received);
  }

  /** How many recordings have not been served yet. */
  public synchronized int unserved() {
    return responses.size();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new ReceivedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")), body));
      String response;
      int status;
      if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/v1/chat/completions")) {
        status = 404;
        response = error("This recorded server answers POST /v1/chat/completions only");
      } else {
        String next = nextResponse();
        status = next == null ? 500 : 200;
        response = next == null ? error("No recorded response left for this request") : next;
      }
      byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private synchronized String nextResponse() {
    return responses.poll();
  }

  private static String error(String message) {
    return JSON.createObjectNode().set("error", JSON.createObjectNode().put("message", message)).toString();
  }

  private static String load(String name) {
    String path = "/recorded/" + name + ".json";
    try (InputStream in = RecordedOpenAiServer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no recording at " + path + " (src/test/resources" + path + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One request as it arrived.
   *
   * @param method the HTTP method
   * @param path the request path
   * @param authorization the Authorization header, if any
   * @param body the raw body
   */
  public record ReceivedRequest(String method, String path, Optional<String> authorization, String body) {
    /** The body parsed as JSON. */
    public JsonNode json() {
      return JSON.readTree(body);
    }

    /** The {@code content} of the last message with role {@code user}. */
    public String lastUserContent() {
      JsonNode messages = json().get("messages");
      for (int i = messages.size() - 1; i >= 0; i--) {
        if (messages.get(i).get("role").asString().equals("user")) {
          return messages.get(i).get("content").asString();
        }
      }
      throw new AssertionError("no user message in " + body);
    }
  }
}
