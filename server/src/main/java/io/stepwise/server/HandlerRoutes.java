package io.stepwise.server;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.stepwise.server.HttpReplies.HttpError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The routes about handlers: list, read, result (the older route), cancel. */
final class HandlerRoutes {
  private final RunRegistry registry;
  private final Duration cancelWait;

  HandlerRoutes(RunRegistry registry, Duration cancelWait) {
    this.registry = registry;
    this.cancelWait = cancelWait;
  }

  void register(HttpRouting.Builder routing) {
    routing.get("/handlers", this::list);
    routing.get("/handlers/{handler_id}", (req, res) -> {
      HandlerRecord record = find(req);
      HttpReplies.json(res, record.status().httpStatus(), record.toJson());
    });
    routing.get("/results/{handler_id}", this::result);
    routing.post("/handlers/{handler_id}/cancel", (req, res) -> {
      String id = req.path().pathParameters().get("handler_id");
      boolean purge = HttpReplies.flag(req, "purge", false);
      String status = registry.cancel(id, purge, cancelWait).orElseThrow(() -> new HttpError(404, "Handler not found"));
      HttpReplies.json(res, 200, Map.of("status", status));
    });
  }

  private HandlerRecord find(ServerRequest req) {
    String id = req.path().pathParameters().get("handler_id");
    return registry.find(id).orElseThrow(() -> new HttpError(404, "Handler not found"));
  }

  private void list(ServerRequest req, ServerResponse res) {
    Set<HandlerStatus> statuses = EnumSet.noneOf(HandlerStatus.class);
    List<String> asked = values(req, "status");
    for (String name : asked) {
      HandlerStatus status = HandlerStatus.ofWire(name);
      if (status != null) {
        statuses.add(status);
      }
    }
    if (!asked.isEmpty() && statuses.isEmpty()) {
      HttpReplies.json(res, 200, Map.of("handlers", List.of())); // only unknown statuses: none match, as in Python
      return;
    }
    var handlers = new ArrayList<Object>();
    for (HandlerRecord record : registry.query(statuses, new LinkedHashSet<>(values(req, "workflow_name")))) {
      handlers.add(record.toJson());
    }
    HttpReplies.json(res, 200, Map.of("handlers", handlers));
  }

  /** A repeated query parameter's non-blank values. */
  private static List<String> values(ServerRequest req, String name) {
    if (!req.query().contains(name)) {
      return List.of();
    }
    return req.query().all(name).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  /**
   * The Python server's deprecated result route: the handler with {@code result} replaced by the
   * stop event's value (or, for the one-value {@code ResultEvent}, that value).
   */
  private void result(ServerRequest req, ServerResponse res) {
    HandlerRecord record = find(req);
    Map<String, Object> json = new LinkedHashMap<>(record.toJson());
    Map<String, Object> envelope = record.result();
    Object result = null;
    if (envelope != null) {
      Map<String, Object> value = JsonTree.asObject(envelope.get("value"));
      result = "io.stepwise.ResultEvent".equals(envelope.get("qualified_name")) && value != null
          ? value.get("result") : envelope.get("value");
    }
    json.put("result", result);
    HttpReplies.json(res, record.status().httpStatus(), json);
  }
}
