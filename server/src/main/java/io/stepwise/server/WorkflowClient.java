package io.stepwise.server;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowJson;
import io.stepwise.spi.WorkflowDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Java client of a workflow server speaking LlamaIndex's workflow protocol (a Stepwise
 * {@link WorkflowServer}, or a Python one serving a workflow with the same event names), typed by
 * one workflow's generated definition: events go out and come back through its codecs.
 *
 * <pre>{@code
 * var client = WorkflowClient.of(URI.create("http://127.0.0.1:8080"), new InterviewFlow_Workflow());
 * String id = client.runNowait(new Topic("tea"));
 * client.events(id).forEach(event -> { if (event instanceof Question q) client.send(id, new Reply("green")); });
 * Summary summary = client.result(id).orElseThrow();
 * }</pre>
 *
 * @param <S> the workflow's start event
 * @param <R> the workflow's stop event
 */
public final class WorkflowClient<S extends StartEvent, R extends StopEvent> {
  private final URI base;
  private final WorkflowDefinition<?, S, R> definition;
  private final EventEnvelopes envelopes;
  private final HttpClient http;
  private final String token;

  private WorkflowClient(URI base, WorkflowDefinition<?, S, R> definition, String token) {
    this.base = base;
    this.definition = definition;
    this.envelopes = new EventEnvelopes(definition.codecs(), WorkflowJson.of(definition.codecs()));
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.token = token;
  }

  /** A client of the workflow {@code definition.name()} on the server at {@code base}. */
  public static <S extends StartEvent, R extends StopEvent> WorkflowClient<S, R> of(
      URI base, WorkflowDefinition<?, S, R> definition) {
    return new WorkflowClient<>(Objects.requireNonNull(base, "base"), Objects.requireNonNull(definition, "definition"),
        null);
  }

  /** The same client, sending {@code Authorization: Bearer <token>}. */
  public WorkflowClient<S, R> withBearerToken(String token) {
    return new WorkflowClient<>(base, definition, Objects.requireNonNull(token, "token"));
  }

  /** The server refused a request or the run did not complete; the message carries the server's detail. */
  public static final class WorkflowClientException extends RuntimeException {
    private final int status;

    WorkflowClientException(int status, String message) {
      super(message);
      this.status = status;
    }

    /** The HTTP status, or 0 when the run itself failed or was cancelled. */
    public int status() {
      return status;
    }
  }

  /** Starts a run and returns its handler id. */
  public String runNowait(S start) {
    Map<String, Object> handler = post("/workflows/" + path(definition.name()) + "/run-nowait",
        Map.of("start_event", envelope(start)), 200);
    return (String) handler.get("handler_id");
  }

  /** Runs and waits for the result. */
  public R run(S start) {
    var reply = send(request("/workflows/" + path(definition.name()) + "/run")
        .POST(body(Map.of("start_event", envelope(start)))).build());
    return resultOf(reply.json(), reply.status()).orElseThrow();
  }

  /** The run's result, empty while it runs; throws when it failed or was cancelled. */
  public Optional<R> result(String handlerId) {
    var reply = send(request("/handlers/" + path(handlerId)).GET().build());
    return resultOf(reply.json(), reply.status());
  }

  private Optional<R> resultOf(Map<String, Object> handler, int status) {
    if (status == 202) {
      return Optional.empty();
    }
    if (status == 200 && handler != null && "completed".equals(handler.get("status"))) {
      Event event = envelopes.read(handler.get("result"), null);
      if (!definition.stopEventType().isInstance(event)) {
        throw new WorkflowClientException(0, "The run ended with " + event.getClass().getSimpleName()
            + ", not the workflow's stop event");
      }
      return Optional.of(definition.stopEventType().cast(event));
    }
    if (handler != null && handler.containsKey("status")) {
      throw new WorkflowClientException(0, "The run " + handler.get("status") + ": " + handler.get("error"));
    }
    throw new WorkflowClientException(status, detail(handler, status));
  }

  /**
   * The run's events from its first, typed, as they come; the stream ends after the stop event.
   * Events of types this workflow does not know (the server's internal ones) are left out.
   */
  public Stream<Event> events(String handlerId) {
    HttpResponse<Stream<String>> response;
    try {
      response = http.send(request("/events/" + path(handlerId) + "?sse=false&after_sequence=-1").GET().build(),
          HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach the workflow server at " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkflowClientException(0, "Interrupted");
    }
    if (response.statusCode() == 204) {
      response.body().close();
      return Stream.empty();
    }
    if (response.statusCode() != 200) {
      String text = String.join("\n", response.body().toList());
      throw new WorkflowClientException(response.statusCode(), detail(parse(text), response.statusCode()));
    }
    return response.body().filter(line -> !line.isBlank()).<Event>mapMulti((line, out) -> {
      Map<String, Object> envelope = JsonTree.asObject(JsonTree.parse(line));
      try {
        out.accept(envelopes.read(envelope, null));
      } catch (EventEnvelopes.BadEventException unknown) {
        // Not one of this workflow's events (internal step-state events, say).
      }
    });
  }

  /** Sends an event to the run (to every step that takes it). */
  public void send(String handlerId, Event event) {
    post("/events/" + path(handlerId), Map.of("event", envelope(event)), 200);
  }

  /** Cancels the run. */
  public void cancel(String handlerId) {
    post("/handlers/" + path(handlerId) + "/cancel", Map.of(), 200);
  }

  private Map<String, Object> envelope(Event event) {
    Map<String, Object> full = envelopes.envelope(event);
    var envelope = new LinkedHashMap<String, Object>();
    envelope.put("type", full.get("type"));
    envelope.put("value", full.get("value"));
    return envelope;
  }

  private Map<String, Object> post(String path, Map<String, Object> body, int expected) {
    var reply = send(request(path).POST(body(body)).build());
    if (reply.status() != expected) {
      throw new WorkflowClientException(reply.status(), detail(reply.json(), reply.status()));
    }
    return reply.json();
  }

  private static HttpRequest.BodyPublisher body(Map<String, Object> body) {
    return HttpRequest.BodyPublishers.ofString(JsonTree.write(body));
  }

  private HttpRequest.Builder request(String path) {
    var builder = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
        .timeout(Duration.ofMinutes(10));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private record Reply(int status, Map<String, Object> json) {}

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), parse(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach the workflow server at " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkflowClientException(0, "Interrupted");
    }
  }

  private static Map<String, Object> parse(String text) {
    try {
      return text == null || text.isBlank() ? null : JsonTree.asObject(JsonTree.parse(text));
    } catch (JsonTree.MalformedJsonException e) {
      return Map.of("detail", text);
    }
  }

  private static String detail(Map<String, Object> json, int status) {
    Object detail = json == null ? null : json.get("detail");
    return "The workflow server answered " + status + (detail == null ? "" : ": " + detail);
  }

  private static String path(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
