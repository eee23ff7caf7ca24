package io.stepwise.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/** The attributes {@link TracingObserver} puts on its spans; docs/observability.md lists them with examples. */
public final class StepwiseAttributes {
  private StepwiseAttributes() {}

  /** The workflow's name (run and step spans). */
  public static final AttributeKey<String> WORKFLOW = AttributeKey.stringKey("stepwise.workflow");
  /** The run's id (run and step spans). */
  public static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("stepwise.run.id");
  /** Whether the run resumed from a snapshot (run spans). */
  public static final AttributeKey<Boolean> RUN_RESUMED = AttributeKey.booleanKey("stepwise.run.resumed");
  /** How the run ended: {@code SUCCEEDED}, {@code FAILED}, {@code TIMED_OUT}, {@code CANCELLED}, {@code RELEASED} (run spans). */
  public static final AttributeKey<String> RUN_OUTCOME = AttributeKey.stringKey("stepwise.run.outcome");
  /** The step's name (step spans). */
  public static final AttributeKey<String> STEP = AttributeKey.stringKey("stepwise.step");
  /** The attempt, from 1 (step spans). */
  public static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("stepwise.step.attempt");
  /** How the execution ended: {@code finished}, {@code failed}, {@code cancelled} (step spans). */
  public static final AttributeKey<String> STEP_OUTCOME = AttributeKey.stringKey("stepwise.step.outcome");
  /** The types of the events the span began with: a run's start event, a step's inputs. */
  public static final AttributeKey<List<String>> EVENT_TYPES = AttributeKey.stringArrayKey("stepwise.event.types");
  /** A short summary of those events (see {@link TracingObserver.Builder#eventSummary}). */
  public static final AttributeKey<String> EVENT_SUMMARY = AttributeKey.stringKey("stepwise.event.summary");
  /** The types of the events a step returned, or of the event that ended a run. */
  public static final AttributeKey<List<String>> EMITTED_TYPES = AttributeKey.stringArrayKey("stepwise.emitted.types");
  /** A short summary of those events. */
  public static final AttributeKey<String> EMITTED_SUMMARY = AttributeKey.stringKey("stepwise.emitted.summary");
  /** On a step's {@code stepwise.child_run} span event: the child's workflow. */
  public static final AttributeKey<String> CHILD_WORKFLOW = AttributeKey.stringKey("stepwise.child.workflow");
  /** On a step's {@code stepwise.child_run} span event: the child run's id. */
  public static final AttributeKey<String> CHILD_RUN_ID = AttributeKey.stringKey("stepwise.child.run.id");
  /** On a run's {@code stepwise.retry} span event: the attempt to come. */
  public static final AttributeKey<Long> NEXT_ATTEMPT = AttributeKey.longKey("stepwise.retry.next_attempt");
  /** On a run's {@code stepwise.retry} span event: the delay before it, in milliseconds. */
  public static final AttributeKey<Long> RETRY_DELAY_MS = AttributeKey.longKey("stepwise.retry.delay_ms");
}
