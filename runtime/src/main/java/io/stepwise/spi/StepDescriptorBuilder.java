package io.stepwise.spi;

import io.stepwise.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link StepDescriptor} with every setting named, so the step table of a generated
 * {@code Foo_Workflow} reads as a table:
 *
 * <pre>{@code
 * step(1, "critique")
 *     .accepts(JokeEvent.class)
 *     .produces(JokeResult.class)
 *     .workers(1)
 *     .retryAttempts(3).retryDelay(Duration.ofMillis(1000))
 *     .build()
 * }</pre>
 *
 * <p>Used once per step when the generated class loads, never per event. {@link #workers} must be
 * called (the generated code always states it); everything else defaults to "none": no subtypes,
 * no timeout, no retry ({@link AnnotatedRetry#NONE}), nothing awaited, not an error handler.
 */
public final class StepDescriptorBuilder {
  private final int index;
  private final String name;
  private final List<EventInput> inputs = new ArrayList<>();
  private Set<Class<? extends Event>> produces = Set.of();
  private int workers;
  private boolean acceptSubtypes;
  private Duration timeout = Duration.ZERO;
  private int retryAttempts = AnnotatedRetry.NONE.maxAttempts();
  private Duration retryDelay = AnnotatedRetry.NONE.delay();
  private double retryBackoff = AnnotatedRetry.NONE.backoff();
  private Duration retryMaxDelay = AnnotatedRetry.NONE.maxDelay();
  private double retryJitter = AnnotatedRetry.NONE.jitter();
  private List<Class<? extends Throwable>> retryOn = List.of();
  private List<Class<? extends Throwable>> noRetryOn = List.of();
  private Set<Class<? extends Event>> awaited = Set.of();
  private List<String> handlesErrorsOf;
  private int maxRecoveries;

  private StepDescriptorBuilder(int index, String name) {
    this.index = index;
    this.name = name;
  }

  /** Step number {@code index} (its place in the table and the dispatch switch), named {@code name}. */
  public static StepDescriptorBuilder step(int index, String name) {
    return new StepDescriptorBuilder(index, name);
  }

  /** An event parameter that accepts exactly its declared type. */
  public StepDescriptorBuilder accepts(Class<? extends Event> type) {
    inputs.add(EventInput.of(type));
    return this;
  }

  /** An event parameter of type {@code declared} (a sealed interface, or with acceptSubtypes) that accepts these types. */
  @SafeVarargs
  public final StepDescriptorBuilder acceptsAnyOf(Class<? extends Event> declared, Class<? extends Event>... accepted) {
    inputs.add(new EventInput(declared, Set.of(accepted)));
    return this;
  }

  /**
   * A fan-in's {@code List<E>} parameter, {@code E} being {@code element}, filled with these
   * types; {@link #countedByStep} must follow.
   */
  @SafeVarargs
  public final StepDescriptorBuilder collects(Class<? extends Event> element, Class<? extends Event>... accepted) {
    inputs.add(new EventInput(element, Set.of(accepted)));
    return this;
  }

  /** The fan-out step whose returned lists count the batches of the {@link #collects} just before. */
  public StepDescriptorBuilder countedByStep(int fanOut) {
    EventInput batch = inputs.removeLast();
    inputs.add(EventInput.batch(batch.declared(), batch.accepted(), fanOut));
    return this;
  }

  /** Every event type the step may return or send. */
  @SafeVarargs
  public final StepDescriptorBuilder produces(Class<? extends Event>... types) {
    produces = Set.of(types);
    return this;
  }

  /** Maximum concurrent executions within one run; required. */
  public StepDescriptorBuilder workers(int workers) {
    this.workers = workers;
    return this;
  }

  /** Route subclasses of the accepted types too. */
  public StepDescriptorBuilder acceptSubtypes() {
    this.acceptSubtypes = true;
    return this;
  }

  /** Per-execution timeout. */
  public StepDescriptorBuilder timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** {@link AnnotatedRetry#maxAttempts()}. */
  public StepDescriptorBuilder retryAttempts(int maxAttempts) {
    this.retryAttempts = maxAttempts;
    return this;
  }

  /** {@link AnnotatedRetry#delay()}. */
  public StepDescriptorBuilder retryDelay(Duration delay) {
    this.retryDelay = delay;
    return this;
  }

  /** {@link AnnotatedRetry#backoff()}. */
  public StepDescriptorBuilder retryBackoff(double backoff) {
    this.retryBackoff = backoff;
    return this;
  }

  /** {@link AnnotatedRetry#maxDelay()}. */
  public StepDescriptorBuilder retryMaxDelay(Duration maxDelay) {
    this.retryMaxDelay = maxDelay;
    return this;
  }

  /** {@link AnnotatedRetry#jitter()}. */
  public StepDescriptorBuilder retryJitter(double jitter) {
    this.retryJitter = jitter;
    return this;
  }

  /** {@link AnnotatedRetry#on()}. */
  @SafeVarargs
  public final StepDescriptorBuilder retryOn(Class<? extends Throwable>... types) {
    this.retryOn = List.of(types);
    return this;
  }

  /** {@link AnnotatedRetry#notOn()}. */
  @SafeVarargs
  public final StepDescriptorBuilder noRetryOn(Class<? extends Throwable>... types) {
    this.noRetryOn = List.of(types);
    return this;
  }

  /** Event types the step waits for with {@code ctx.waitForEvent}. */
  @SafeVarargs
  public final StepDescriptorBuilder awaits(Class<? extends Event>... types) {
    this.awaited = Set.of(types);
    return this;
  }

  /** Makes the step the {@code @CatchError} handler of these steps. */
  public StepDescriptorBuilder handlesErrorsOf(String... steps) {
    this.handlesErrorsOf = List.of(steps);
    return this;
  }

  /** Makes the step the wildcard {@code @CatchError} handler: of every step no other handler names. */
  public StepDescriptorBuilder handlesErrorsOfUnclaimedSteps() {
    this.handlesErrorsOf = List.of();
    return this;
  }

  /** {@link CatchPolicy#maxRecoveries()} of a handler. */
  public StepDescriptorBuilder maxRecoveries(int maxRecoveries) {
    this.maxRecoveries = maxRecoveries;
    return this;
  }

  public StepDescriptor build() {
    var retry = new AnnotatedRetry(retryAttempts, retryDelay, retryBackoff, retryMaxDelay, retryJitter, retryOn,
        noRetryOn);
    var catchPolicy = handlesErrorsOf == null ? null : new CatchPolicy(handlesErrorsOf, maxRecoveries);
    return new StepDescriptor(index, name, inputs, produces, workers, acceptSubtypes, timeout,
        retry.equals(AnnotatedRetry.NONE) ? AnnotatedRetry.NONE : retry, awaited, catchPolicy);
  }
}
