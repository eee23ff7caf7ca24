package io.stepwise.server;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowHandler;
import io.stepwise.spi.WorkflowDefinition;
import io.stepwise.store.RunStore;

/**
 * A workflow the server serves: its generated definition (for its codecs, event types and graph)
 * bound to the instance whose steps run.
 */
final class HostedWorkflow<S extends StartEvent, R extends StopEvent> {
  private final WorkflowDefinition<?, S, R> definition;
  private final CompiledWorkflow<S, R> workflow;
  private final EventEnvelopes envelopes;
  private final String startTag;
  private final EventSchemas schemas;

  private HostedWorkflow(WorkflowDefinition<?, S, R> definition, CompiledWorkflow<S, R> workflow, int maxBodyChars) {
    this.definition = definition;
    this.workflow = workflow;
    this.envelopes = new EventEnvelopes(definition.codecs(),
        workflow.json().withLimits(maxBodyChars, io.stepwise.WorkflowJson.DEFAULT_MAX_DEPTH));
    this.startTag = definition.codecs().events().tagOf(definition.startEventType());
    this.schemas = EventSchemas.of(definition);
  }

  EventSchemas schemas() {
    return schemas;
  }

  static <T, S extends StartEvent, R extends StopEvent> HostedWorkflow<S, R> of(
      WorkflowDefinition<T, S, R> definition, T target, int maxBodyChars) {
    return new HostedWorkflow<>(definition, CompiledWorkflow.of(definition, target), maxBodyChars);
  }

  String name() {
    return definition.name();
  }

  WorkflowDefinition<?, S, R> definition() {
    return definition;
  }

  EventEnvelopes envelopes() {
    return envelopes;
  }

  String startTag() {
    return startTag;
  }

  /** Decodes a start event from a client's {@code start_event}; null means an empty object. */
  S readStart(Object clientData) {
    Event event = envelopes.read(clientData == null ? new java.util.LinkedHashMap<String, Object>() : clientData,
        startTag);
    if (!definition.startEventType().isInstance(event)) {
      throw new EventEnvelopes.BadEventException("Start event must be an instance of "
          + EventEnvelopes.simpleName(startTag) + ", was " + event.getClass().getSimpleName());
    }
    return definition.startEventType().cast(event);
  }

  /** @param continueFrom the snapshot of a finished run whose state and store the run starts from, or null */
  WorkflowHandler<R> start(S start, String runId, RunStore store, io.stepwise.Snapshot continueFrom) {
    // Step states and rests are internal events: clients see them only with include_internal.
    RunOptions.Builder options = RunOptions.builder().runId(runId).stepStateEvents(true).idleEvents(true);
    if (store != null) {
      options.runStore(store);
    }
    if (continueFrom != null) {
      options.continueFrom(continueFrom);
    }
    return workflow.run(start, options.build());
  }

  WorkflowHandler<R> resume(String runId, RunStore store) {
    return workflow.resume(runId, store, RunOptions.builder().stepStateEvents(true).idleEvents(true).build());
  }
}
