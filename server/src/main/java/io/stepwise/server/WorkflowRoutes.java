package io.stepwise.server;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.server.HttpReplies.HttpError;
import io.stepwise.Snapshot;
import io.stepwise.SnapshotException;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** The routes under {@code /workflows}: list, run (waiting or not), and describe a workflow. */
final class WorkflowRoutes {
  private final RunRegistry registry;
  private final long maxBodyBytes;
  private final HandlerIds ids;
  private final boolean acceptContextApi;

  WorkflowRoutes(RunRegistry registry, long maxBodyBytes, HandlerIds ids, boolean acceptContextApi) {
    this.registry = registry;
    this.maxBodyBytes = maxBodyBytes;
    this.ids = ids;
    this.acceptContextApi = acceptContextApi;
  }

  void register(HttpRouting.Builder routing) {
    routing.get("/workflows", (req, res) -> HttpReplies.json(res, 200, Map.of("workflows", registry.workflowNames())));
    routing.post("/workflows/{name}/run", this::run);
    routing.post("/workflows/{name}/run-nowait", this::runNowait);
    routing.get("/workflows/{name}/schema", (req, res) -> {
      HostedWorkflow<?, ?> workflow = workflow(req);
      var definition = workflow.definition();
      var tags = definition.codecs().events();
      HttpReplies.json(res, 200, Map.of(
          "start", workflow.schemas().schema(tags.tagOf(definition.startEventType()), "StartEvent"),
          "stop", workflow.schemas().schema(tags.tagOf(definition.stopEventType()), "StopEvent")));
    });
    routing.get("/workflows/{name}/representation", (req, res) ->
        HttpReplies.json(res, 200, describe(workflow(req), true)));
    routing.get("/workflows/{name}/events", (req, res) ->
        HttpReplies.json(res, 200, describe(workflow(req), false)));
  }

  private static Map<String, Object> describe(HostedWorkflow<?, ?> workflow, boolean graph) {
    var g = workflow.definition().graph();
    return graph ? WorkflowDescriptions.representation(g, workflow.schemas())
        : WorkflowDescriptions.events(g, workflow.schemas());
  }

  private HostedWorkflow<?, ?> workflow(ServerRequest req) {
    String name = req.path().pathParameters().get("name");
    return registry.workflow(name).orElseThrow(() -> new HttpError(404, "Workflow not found"));
  }

  private void runNowait(ServerRequest req, ServerResponse res) {
    LiveRun run = start(req, false);
    HttpReplies.json(res, 200, registry.find(run.handlerId()).orElseThrow().toJson());
  }

  private void run(ServerRequest req, ServerResponse res) throws InterruptedException {
    LiveRun run = start(req, true); // held: not released while this request waits for its end
    HandlerRecord ended;
    try {
      ended = run.ended().get();
    } catch (ExecutionException e) {
      throw new HttpError(500, "Error running workflow: " + RunRegistry.message(e.getCause()));
    } finally {
      run.unhold();
    }
    HttpReplies.json(res, ended.status() == HandlerStatus.COMPLETED ? 200 : 500, ended.toJson());
  }

  private LiveRun start(ServerRequest req, boolean held) {
    return start(workflow(req), req, held);
  }

  private <S extends StartEvent, R extends StopEvent> LiveRun start(HostedWorkflow<S, R> workflow, ServerRequest req,
      boolean held) {
    Map<String, Object> body = HttpReplies.objectBody(req, maxBodyBytes, "Invalid JSON body");
    Snapshot context = context(workflow, body.get("context"));
    Object startData = body.containsKey("start_event") ? body.get("start_event") : body.get("kwargs");
    S start;
    try {
      start = workflow.readStart(startData);
    } catch (EventEnvelopes.BadEventException e) {
      throw new HttpError(400, "Validation error for 'start_event': " + e.getMessage());
    }
    Object requested = body.get("handler_id");
    if (requested != null && !(requested instanceof String)) {
      throw new HttpError(400, "Error processing request body: handler_id must be a string");
    }
    String handlerId = requested == null ? ids.next() : (String) requested;
    try {
      return registry.start(workflow, handlerId, start, context, held);
    } catch (RunRegistry.HandlerExistsException e) {
      throw new HttpError(409, e.getMessage());
    } catch (RunRegistry.CannotContinueException e) {
      throw new HttpError(400, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "Error processing request body: " + e.getMessage());
    }
  }

  /**
   * The request's {@code context}: the snapshot of a finished run of this workflow, as JSON text or
   * as the object itself; null when there is none. Python's {@code Context.from_dict} data does not
   * apply (a Stepwise run's state is its snapshot), so that is refused with why.
   */
  private Snapshot context(HostedWorkflow<?, ?> workflow, Object context) {
    if (context == null || (context instanceof Map<?, ?> map && map.isEmpty())) {
      return null; // Python skips an empty context too
    }
    if (!acceptContextApi) {
      throw new HttpError(400, "Context API is disabled. Set acceptContextApi(true) on WorkflowServer.builder() to"
          + " enable it; to continue a finished handler, send its handler_id instead");
    }
    String json = context instanceof String text ? text : JsonTree.write(context);
    Snapshot snapshot;
    try {
      snapshot = Snapshot.fromJson(json, (int) Math.min(Integer.MAX_VALUE, maxBodyBytes));
    } catch (SnapshotException | IllegalArgumentException e) {
      throw new HttpError(400, "Invalid context: " + e.getMessage()
          + ". 'context' is the snapshot of a finished run of this workflow (Snapshot.toJson())");
    }
    if (!snapshot.workflow().equals(workflow.name())) {
      throw new HttpError(400, "Invalid context: it is a snapshot of workflow '" + snapshot.workflow() + "', not '"
          + workflow.name() + "'");
    }
    if (!snapshot.isFinished()) {
      throw new HttpError(400, "Invalid context: the snapshot of run " + snapshot.runId() + " was taken in flight;"
          + " a run starts only from the snapshot of a finished run");
    }
    return snapshot;
  }
}
