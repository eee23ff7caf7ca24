package io.stepwise.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.stepwise.Event;
import io.stepwise.server.HttpReplies.HttpError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** {@code /events/{handler_id}}: stream a run's events (SSE or NDJSON), and send it one. */
final class EventRoutes {
  private final RunRegistry registry;
  private final long maxBodyBytes;
  private final Duration heartbeat;

  EventRoutes(RunRegistry registry, long maxBodyBytes, Duration heartbeat) {
    this.registry = registry;
    this.maxBodyBytes = maxBodyBytes;
    this.heartbeat = heartbeat;
  }

  void register(HttpRouting.Builder routing) {
    routing.get("/events/{handler_id}", this::stream);
    routing.post("/events/{handler_id}", this::send);
  }

  private void send(ServerRequest req, ServerResponse res) {
    String id = req.path().pathParameters().get("handler_id");
    Map<String, Object> body = HttpReplies.objectBody(req, maxBodyBytes, "Error processing request");
    Object eventData = body.get("event");
    if (eventData == null || (eventData instanceof String s && s.isEmpty())
        || (eventData instanceof Map<?, ?> m && m.isEmpty())) {
      throw new HttpError(400, "Event data is required");
    }
    Object step = body.get("step");
    if (step != null && !(step instanceof String)) {
      throw new HttpError(400, "'step' must be the name of a step, as a string");
    }
    try {
      // Under the handler's lock: a released run is reloaded first, and is not released meanwhile.
      registry.withRunning(id, run -> {
        deliver(run, eventData, (String) step);
        return null;
      });
    } catch (RunRegistry.HandlerNotFoundException e) {
      throw new HttpError(404, "Handler not found");
    } catch (RunRegistry.HandlerCompletedException e) {
      throw new HttpError(409, "Workflow already completed");
    }
    HttpReplies.json(res, 200, Map.of("status", "sent"));
  }

  private static void deliver(LiveRun run, Object eventData, String step) {
    Event event;
    try {
      event = run.workflow().envelopes().read(eventData, null);
    } catch (EventEnvelopes.BadEventException e) {
      throw new HttpError(400, e.getMessage());
    }
    try {
      if (step == null) {
        run.handler().sendEvent(event);
      } else {
        run.handler().sendEvent(event, step);
      }
    } catch (IllegalStateException e) {
      throw new HttpError(409, "Workflow already completed");
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "Failed to send event: " + e.getMessage());
    }
  }

  private void stream(ServerRequest req, ServerResponse res) throws InterruptedException {
    String id = req.path().pathParameters().get("handler_id");
    boolean internal = HttpReplies.flag(req, "include_internal", false);
    boolean qualified = HttpReplies.flag(req, "include_qualified_name", true);
    boolean sse = HttpReplies.flag(req, "sse", true);
    String asked = req.query().first("after_sequence").orElse("now");
    Long after = null;
    if (!asked.equalsIgnoreCase("now")) {
      try {
        after = Long.parseLong(asked.strip());
      } catch (NumberFormatException e) {
        throw new HttpError(400, "Invalid after_sequence: '" + asked + "'");
      }
    }
    if (sse) {
      var lastEventId = req.headers().first(HeaderNames.create("Last-Event-ID"));
      if (lastEventId.isPresent()) {
        try {
          after = Long.parseLong(lastEventId.get().strip());
        } catch (NumberFormatException e) {
          // Ignored, as the Python server does: the query decides.
        }
      }
    }
    EventCursor cursor = EventCursor.open(registry, id, after)
        .orElseThrow(() -> new HttpError(404, "Handler not found"));
    if (cursor.exhausted()) {
      res.status(io.helidon.http.Status.NO_CONTENT_204);
      res.send();
      return;
    }
    res.header(HeaderNames.CONTENT_TYPE, sse ? "text/event-stream" : "application/x-ndjson");
    res.header(HeaderNames.CACHE_CONTROL, "no-cache");
    try (OutputStream out = res.outputStream()) {
      cursor.forEach(sse ? heartbeat : Duration.ofDays(1), new EventCursor.Sink() {
        @Override
        public void event(long sequence, String envelopeJson, boolean isInternal) {
          if (isInternal && !internal) {
            return;
          }
          String payload = qualified ? envelopeJson : withoutQualifiedName(envelopeJson);
          write(out, sse ? "id: " + sequence + "\ndata: " + payload + "\n\n" : payload + "\n");
        }

        @Override
        public void idle() {
          if (sse) {
            write(out, ": heartbeat\n\n");
          }
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // The client went away; its next request resumes with after_sequence.
    }
  }

  private static String withoutQualifiedName(String envelopeJson) {
    Map<String, Object> envelope = JsonTree.asObject(JsonTree.parse(envelopeJson));
    envelope.put("qualified_name", null);
    return JsonTree.write(envelope);
  }

  private static void write(OutputStream out, String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
