package io.stepwise.opentelemetry;

import static io.stepwise.opentelemetry.StepwiseAttributes.ATTEMPT;
import static io.stepwise.opentelemetry.StepwiseAttributes.CHILD_RUN_ID;
import static io.stepwise.opentelemetry.StepwiseAttributes.CHILD_WORKFLOW;
import static io.stepwise.opentelemetry.StepwiseAttributes.EMITTED_SUMMARY;
import static io.stepwise.opentelemetry.StepwiseAttributes.EMITTED_TYPES;
import static io.stepwise.opentelemetry.StepwiseAttributes.EVENT_SUMMARY;
import static io.stepwise.opentelemetry.StepwiseAttributes.EVENT_TYPES;
import static io.stepwise.opentelemetry.StepwiseAttributes.NEXT_ATTEMPT;
import static io.stepwise.opentelemetry.StepwiseAttributes.RETRY_DELAY_MS;
import static io.stepwise.opentelemetry.StepwiseAttributes.RUN_ID;
import static io.stepwise.opentelemetry.StepwiseAttributes.RUN_OUTCOME;
import static io.stepwise.opentelemetry.StepwiseAttributes.RUN_RESUMED;
import static io.stepwise.opentelemetry.StepwiseAttributes.STEP;
import static io.stepwise.opentelemetry.StepwiseAttributes.STEP_OUTCOME;
import static io.stepwise.opentelemetry.StepwiseAttributes.WORKFLOW;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.observe.ChildRunStarted;
import io.stepwise.observe.EventRouted;
import io.stepwise.observe.ObservedRun;
import io.stepwise.observe.RunEnded;
import io.stepwise.observe.RunObserver;
import io.stepwise.observe.RunOutcome;
import io.stepwise.observe.RunStarted;
import io.stepwise.observe.StepCancelled;
import io.stepwise.observe.StepFailed;
import io.stepwise.observe.StepFinished;
import io.stepwise.observe.StepRetrying;
import io.stepwise.observe.StepStarted;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Traces runs with OpenTelemetry: a span {@code run <workflow>} per run, a child span
 * {@code step <step>} per step execution (each attempt its own), errors recorded on both. A run's
 * parent is the span current when {@code run} (or {@code resume}) is called; a step's body runs
 * with its span current, so what it calls (an instrumented HTTP client, {@code ctx.runChild}) nests
 * under it, and a child run's span is a child of the step that started it.
 *
 * <pre>{@code
 * RunObserver tracing = TracingObserver.create(openTelemetry);
 * workflow.run(start, RunOptions.builder().observer(tracing).build());
 * }</pre>
 *
 * One observer serves any number of runs and workflows, from any threads.
 */
public final class TracingObserver implements RunObserver {
  /** The instrumentation scope name of its tracer. */
  public static final String INSTRUMENTATION_NAME = "io.stepwise.opentelemetry";

  /** The longest summary {@link #defaultSummary} writes, in characters. */
  public static final int SUMMARY_LENGTH = 200;

  private final Tracer tracer;
  private final Function<? super Event, String> summary;
  private final ConcurrentHashMap<ObservedRun, RunSpans> runs = new ConcurrentHashMap<>();

  private TracingObserver(Builder builder) {
    this.tracer = builder.openTelemetry.getTracer(INSTRUMENTATION_NAME);
    this.summary = builder.summary;
  }

  /** An observer with the default settings. */
  public static TracingObserver create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(openTelemetry);
  }

  /** The event's {@code toString()} (a record's components), cut to {@link #SUMMARY_LENGTH} characters. */
  public static String defaultSummary(Event event) {
    String text = String.valueOf(event);
    return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH - 1) + "…";
  }

  /** The spans of one run: its own, and those of its executions still running. */
  private record RunSpans(Span span, Context context, ConcurrentHashMap<Long, Span> steps) {}

  @Override
  public void runStarted(RunStarted started) {
    ObservedRun run = started.run();
    Context parent = Context.current(); // the caller's: runStarted comes on the thread that called run
    var span = tracer.spanBuilder("run " + run.workflow())
        .setParent(parent)
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(WORKFLOW, run.workflow())
        .setAttribute(RUN_ID, run.runId())
        .setAttribute(RUN_RESUMED, run.resumed());
    if (started.start() != null) {
      span.setAttribute(EVENT_TYPES, List.of(typeName(started.start())));
      putSummary(span::setAttribute, EVENT_SUMMARY, List.of(started.start()));
    }
    Span made = span.startSpan();
    runs.put(run, new RunSpans(made, parent.with(made), new ConcurrentHashMap<>()));
  }

  @Override
  public void runEnded(RunEnded ended) {
    RunSpans spans = runs.remove(ended.run());
    if (spans == null) {
      return;
    }
    // A run that crashed ends without its executions' reports: end their spans with it.
    spans.steps().forEach((execution, step) -> {
      step.setAttribute(STEP_OUTCOME, "cancelled");
      step.end();
    });
    Span span = spans.span();
    span.setAttribute(RUN_OUTCOME, ended.outcome().name());
    span.setAttribute(EMITTED_TYPES, List.of(typeName(ended.terminal())));
    putSummary(span::setAttribute, EMITTED_SUMMARY, List.of(ended.terminal()));
    if (ended.error() != null && (ended.outcome() == RunOutcome.FAILED || ended.outcome() == RunOutcome.TIMED_OUT)) {
      span.recordException(ended.error());
      span.setStatus(StatusCode.ERROR, describe(ended.error()));
    }
    span.end();
  }

  @Override
  public void stepStarted(StepStarted started) {
    RunSpans spans = runs.get(started.run());
    if (spans == null) {
      return;
    }
    var span = tracer.spanBuilder("step " + started.step())
        .setParent(spans.context())
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(WORKFLOW, started.run().workflow())
        .setAttribute(RUN_ID, started.run().runId())
        .setAttribute(STEP, started.step())
        .setAttribute(ATTEMPT, (long) started.attempt())
        .setAttribute(EVENT_TYPES, started.events().stream().map(TracingObserver::typeName).toList());
    putSummary(span::setAttribute, EVENT_SUMMARY, started.events());
    spans.steps().put(started.execution(), span.startSpan());
  }

  @Override
  public Scope stepEntered(StepStarted step) {
    RunSpans spans = runs.get(step.run());
    Span span = spans == null ? null : spans.steps().get(step.execution());
    if (span == null) {
      return null;
    }
    return spans.context().with(span).makeCurrent()::close;
  }

  @Override
  public void stepFinished(StepFinished finished) {
    Span span = takeStep(finished.run(), finished.execution());
    if (span == null) {
      return;
    }
    span.setAttribute(STEP_OUTCOME, "finished");
    span.setAttribute(EMITTED_TYPES, finished.emitted().stream().map(TracingObserver::typeName).toList());
    putSummary(span::setAttribute, EMITTED_SUMMARY, finished.emitted());
    span.end();
  }

  @Override
  public void stepFailed(StepFailed failed) {
    Span span = takeStep(failed.run(), failed.execution());
    if (span == null) {
      return;
    }
    span.setAttribute(STEP_OUTCOME, "failed");
    span.recordException(failed.error());
    span.setStatus(StatusCode.ERROR, describe(failed.error()));
    span.end();
  }

  @Override
  public void stepRetrying(StepRetrying retrying) {
    RunSpans spans = runs.get(retrying.run());
    if (spans != null) {
      spans.span().addEvent("stepwise.retry", Attributes.of(STEP, retrying.step(),
          NEXT_ATTEMPT, (long) retrying.nextAttempt(), RETRY_DELAY_MS, retrying.delay().toMillis()));
    }
  }

  @Override
  public void stepCancelled(StepCancelled cancelled) {
    Span span = takeStep(cancelled.run(), cancelled.execution());
    if (span != null) {
      span.setAttribute(STEP_OUTCOME, "cancelled");
      span.end();
    }
  }

  @Override
  public void eventRouted(EventRouted routed) {
    // Only what comes from outside is news to the trace: what steps emit is on their spans.
    if (routed.fromStep() != null || routed.event() instanceof StartEvent) {
      return;
    }
    RunSpans spans = runs.get(routed.run());
    if (spans != null) {
      var attributes = Attributes.builder().put(EVENT_TYPES, List.of(typeName(routed.event())));
      putSummary(attributes::put, EVENT_SUMMARY, List.of(routed.event()));
      spans.span().addEvent("stepwise.event.received", attributes.build());
    }
  }

  @Override
  public void childRunStarted(ChildRunStarted child) {
    RunSpans spans = runs.get(child.run());
    Span span = spans == null ? null : spans.steps().get(child.execution());
    if (span != null) {
      span.addEvent("stepwise.child_run", Attributes.of(CHILD_WORKFLOW, child.childWorkflow(),
          CHILD_RUN_ID, child.childRunId()));
    }
  }

  private Span takeStep(ObservedRun run, long execution) {
    RunSpans spans = runs.get(run);
    return spans == null ? null : spans.steps().remove(execution);
  }

  /** Something that takes a string attribute: a span builder, a span, an attributes builder. */
  @FunctionalInterface
  private interface AttributeSink {
    Object put(AttributeKey<String> key, String value);
  }

  private void putSummary(AttributeSink sink, AttributeKey<String> key,
      List<Event> events) {
    StringBuilder text = new StringBuilder();
    for (Event event : events) {
      String one = summary.apply(event);
      if (one != null) {
        text.append(text.isEmpty() ? "" : "; ").append(one);
      }
    }
    if (!text.isEmpty()) {
      sink.put(key, text.toString());
    }
  }

  // The graph names event types by canonical name; local and anonymous classes have none.
  private static String typeName(Event event) {
    String canonical = event.getClass().getCanonicalName();
    return canonical != null ? canonical : event.getClass().getName();
  }

  private static String describe(Throwable error) {
    return error.getMessage() == null ? error.getClass().getName() : error.getClass().getName() + ": " + error.getMessage();
  }

  /** Settings of a {@link TracingObserver}. */
  public static final class Builder {
    private final OpenTelemetry openTelemetry;
    private Function<? super Event, String> summary = TracingObserver::defaultSummary;

    private Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /**
     * How an event is summarized in {@code stepwise.event.summary} and {@code stepwise.emitted.summary};
     * returning null leaves it out. Events may carry what a trace must not hold (personal data,
     * secrets): summarize accordingly, or leave summaries out with {@code event -> null}.
     * Default: {@link #defaultSummary}.
     */
    public Builder eventSummary(Function<? super Event, String> summary) {
      this.summary = Objects.requireNonNull(summary, "summary");
      return this;
    }

    public TracingObserver build() {
      return new TracingObserver(this);
    }
  }
}
