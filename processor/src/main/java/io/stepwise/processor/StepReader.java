package io.stepwise.processor;

import com.palantir.javapoet.ClassName;
import io.stepwise.processor.model.CatchSpec;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.ReturnShape;
import io.stepwise.processor.model.RetrySpec;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.StepParam;
import io.stepwise.processor.model.StepRouting;
import io.stepwise.processor.model.StepSettings;
import io.stepwise.processor.model.StepSignature;
import io.stepwise.processor.validation.CatchHandlerRule;
import io.stepwise.processor.validation.ErrorReporter;
import io.stepwise.processor.validation.InvalidDurationRule;
import io.stepwise.processor.validation.RetryPolicyRule;
import io.stepwise.processor.validation.SkipChecksRule;
import io.stepwise.processor.validation.StepModifiersRule;
import io.stepwise.processor.validation.StepOutputsRule;
import io.stepwise.processor.validation.StepSettingsRule;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * Reads one {@code @Step} method into a {@link StepModel}. The first of the two validation levels
 * runs on the way: the reader hands what it found to the element rules of {@code validation/} at
 * the point it finds it, so messages come in the order of the source, and marks the step invalid
 * (or incomplete, when part of its graph could not be read) for each problem they report.
 */
final class StepReader {
  static final String STEP = "io.stepwise.annotations.Step";
  static final String CATCH_ERROR = "io.stepwise.annotations.CatchError";
  private static final StepModifiersRule MODIFIERS = new StepModifiersRule();
  private static final StepSettingsRule SETTINGS = new StepSettingsRule();
  private static final StepOutputsRule OUTPUTS = new StepOutputsRule();
  private static final InvalidDurationRule DURATION = new InvalidDurationRule();
  private static final RetryPolicyRule RETRY_POLICY = new RetryPolicyRule();
  private static final CatchHandlerRule CATCH_HANDLER = new CatchHandlerRule();
  private static final SkipChecksRule SKIP_CHECKS = new SkipChecksRule();

  private final Elements elements;
  private final EventTypes eventTypes;
  private final Optional<SentEventScanner> scanner;
  private final ErrorReporter reporter;
  private final StepParamsReader paramsReader;
  private boolean tolerateMissingBodyTypes;

  StepReader(Elements elements, EventTypes eventTypes, Optional<SentEventScanner> scanner, ErrorReporter reporter) {
    this.elements = elements;
    this.eventTypes = eventTypes;
    this.scanner = scanner;
    this.reporter = reporter;
    this.paramsReader = new StepParamsReader(eventTypes);
  }

  /**
   * Reads whether a step's body may use types nothing declares: only in the last round, when no
   * processor can generate them any more (javac reports those that stay undeclared).
   */
  void tolerateMissingBodyTypes(boolean tolerate) {
    this.tolerateMissingBodyTypes = tolerate;
  }

  /**
   * @param type the method's type as a member of the workflow class (type arguments of a generic
   *     base class substituted)
   * @param site where the graph rules report on the step: the method, or the workflow class when
   *     the step is inherited
   * @param ownerClass the class that declares the method, for messages
   * @throws MissingTypeException when the signature or body uses a type that does not exist yet
   */
  StepModel read(ExecutableElement method, ExecutableType type, Element site, int index, String ownerClass,
      ResourceReader.Providers providers) {
    type.getParameterTypes().forEach(MissingTypeException::check);
    MissingTypeException.check(type.getReturnType());
    // A @CatchError method without @Step is a step with @Step's defaults.
    var annotation = AnnotationValues.find(elements, method, STEP)
        .orElseGet(() -> AnnotationValues.defaults(elements, STEP));
    var reading = new StepReading(method, type, reporter);
    reading.errors(MODIFIERS.check(method, ownerClass));
    boolean acceptSubtypes = annotation.bool("acceptSubtypes");
    List<StepParam> params = List.of();
    if (!method.getTypeParameters().isEmpty()) {
      reading.complete = false; // reported by MODIFIERS
    } else {
      params = paramsReader.read(reading, acceptSubtypes, providers);
    }
    int workers = annotation.integer("workers");
    SETTINGS.checkWorkers(reading.step, workers).ifPresent(reading::error);

    var declared = new TreeSet<EventType>();
    var produced = new TreeSet<EventType>();
    var descriptor = new TreeSet<EventType>();
    var emits = annotation.types("emits");
    for (TypeMirror emitted : emits) {
      var notAnEvent = OUTPUTS.checkEmits(reading.step, TypeLabels.of(emitted), eventTypes.isEvent(emitted));
      if (notAnEvent.isPresent()) {
        reading.lost(notAnEvent.get());
        continue;
      }
      TypeElement element = EventTypes.element(emitted);
      EventType event = eventTypes.describe(element);
      declared.add(event);
      descriptor.add(event);
      // An open emits type cannot be expanded: it stays in the graph as itself.
      produced.addAll(EventTypes.isClosed(element) ? eventTypes.expand(element) : List.of(event));
    }
    var shape = readReturn(reading, !emits.isEmpty(), declared, produced, descriptor);

    var sent = scanner.map(s -> s.scan(method, type.getParameterTypes())).orElse(SentEventScanner.Sent.NONE);
    if (!sent.missing().isEmpty() && !tolerateMissingBodyTypes) {
      throw new MissingTypeException(sent.missing().iterator().next());
    }
    for (TypeMirror sentType : sent.routed()) {
      EventType event = eventTypes.describe(EventTypes.element(sentType));
      declared.add(event);
      produced.add(event);
      descriptor.add(event);
    }
    var streamed = sent.streamed().stream()
        .map(t -> eventTypes.describe(EventTypes.element(t)))
        .collect(Collectors.toCollection(TreeSet::new));

    var awaited = sent.awaited().stream()
        .map(t -> eventTypes.describe(EventTypes.element(t)))
        .collect(Collectors.toCollection(TreeSet::new));

    Duration timeout = duration(reading, annotation.string("timeout"), reading.step + " has timeout");
    RetrySpec retry = readRetry(reading, annotation.annotation("retry"));
    String policy = annotation.string("retryPolicy");
    if (!policy.isEmpty()) {
      retry = readRetryPolicy(reading, policy, annotation.written("retry"), retry, providers);
    }
    CatchSpec catchSpec = readCatch(reading, params);
    var signature = new StepSignature(params, shape.shape(), shape.async());
    var routing = new StepRouting(List.copyOf(declared), List.copyOf(produced), List.copyOf(descriptor),
        List.copyOf(streamed), List.copyOf(awaited), shape.listed());
    var skipChecks = annotation.enumNames("skipChecks");
    reading.errors(SKIP_CHECKS.check(reading.step, skipChecks));
    var settings = new StepSettings(workers, acceptSubtypes, timeout, retry, SkipChecksRule.known(skipChecks),
        catchSpec);
    return new StepModel(index, method.getSimpleName().toString(), site, signature, routing, settings,
        reading.valid, reading.complete);
  }

  /** A {@code @CatchError} handler's scope; null for other steps. */
  private CatchSpec readCatch(StepReading reading, List<StepParam> params) {
    var annotation = AnnotationValues.find(elements, reading.method, CATCH_ERROR);
    if (annotation.isEmpty()) {
      return null;
    }
    int maxRecoveries = annotation.get().integer("maxRecoveries");
    reading.errors(CATCH_HANDLER.check(reading.method.getSimpleName().toString(), params, maxRecoveries));
    var forSteps = new TreeSet<>(annotation.get().strings("forSteps"));
    return new CatchSpec(List.copyOf(forSteps), maxRecoveries);
  }

  /** @param listed for {@code List<E>}, the concrete types of {@code E}; else empty */
  private record Shape(ReturnShape shape, boolean async, List<EventType> listed) {
    Shape(ReturnShape shape, boolean async) {
      this(shape, async, List.of());
    }
  }

  private Shape readReturn(StepReading reading, boolean hasEmits,
      Set<EventType> declared, Set<EventType> produced, Set<EventType> descriptor) {
    TypeMirror written = reading.type.getReturnType();
    TypeMirror type = written;
    boolean async = false;
    if (eventTypes.is(type, "java.util.concurrent.CompletionStage")
        || eventTypes.is(type, "java.util.concurrent.CompletableFuture")) {
      async = true;
      type = typeArgument(type);
    }
    if (type != null && (type.getKind() == TypeKind.VOID || (async && eventTypes.is(type, "java.lang.Void")))) {
      return new Shape(ReturnShape.VOID, async);
    }
    var shape = ReturnShape.EVENT;
    if (type != null && eventTypes.is(type, "java.util.Optional")) {
      shape = ReturnShape.OPTIONAL;
      type = typeArgument(type);
    } else if (type != null && eventTypes.is(type, "java.util.List")) {
      shape = ReturnShape.LIST;
      type = typeArgument(type);
    }
    if (type == null || !eventTypes.isEvent(type)) {
      OUTPUTS.checkReturn(reading.step, TypeLabels.of(written), StepOutputsRule.Returned.NOT_AN_EVENT, hasEmits)
          .ifPresent(reading::lost);
      return new Shape(shape, async);
    }
    TypeElement element = EventTypes.element(type);
    if (EventTypes.isClosed(element)) {
      declared.add(eventTypes.describe(element));
      produced.addAll(eventTypes.expand(element));
      descriptor.addAll(eventTypes.expand(element));
      if (shape == ReturnShape.LIST) {
        return new Shape(shape, async, eventTypes.expand(element));
      }
    } else {
      OUTPUTS.checkReturn(reading.step, TypeLabels.of(written), StepOutputsRule.Returned.OPEN_EVENT, hasEmits)
          .ifPresent(reading::lost);
    }
    return new Shape(shape, async);
  }

  /** The single type argument, its upper bound for a wildcard, or null when raw or unbounded. */
  static TypeMirror typeArgument(TypeMirror type) {
    var arguments = ((DeclaredType) type).getTypeArguments();
    if (arguments.isEmpty()) {
      return null;
    }
    TypeMirror argument = arguments.getFirst();
    return argument instanceof WildcardType w ? w.getExtendsBound() : argument;
  }

  private RetrySpec readRetry(StepReading reading, AnnotationValues retry) {
    int maxAttempts = retry.integer("maxAttempts");
    double jitter = retry.decimal("jitter");
    reading.errors(SETTINGS.checkRetry(reading.step, maxAttempts, jitter));
    Duration delay = duration(reading, retry.string("delay"), reading.step + " has retry.delay");
    Duration maxDelay = duration(reading, retry.string("maxDelay"), reading.step + " has retry.maxDelay");
    return new RetrySpec(Math.max(1, maxAttempts), delay, retry.decimal("backoff"), maxDelay, jitter,
        classNames(retry.types("on")), classNames(retry.types("notOn")));
  }

  /** A step that names a policy object: it must name exactly one provider of one, and say no {@code @Retry}. */
  private RetrySpec readRetryPolicy(StepReading reading, String policy, boolean retryWritten, RetrySpec retry,
      ResourceReader.Providers providers) {
    RETRY_POLICY.checkExclusive(reading.step, policy, retryWritten).ifPresent(reading::error);
    int provider = providers.retryPolicy(policy, reading.step, reading::error);
    return provider < 0 ? retry : retry.withPolicy(provider);
  }

  private static List<ClassName> classNames(List<TypeMirror> types) {
    return types.stream()
        .filter(t -> t.getKind() == TypeKind.DECLARED)
        .map(t -> ClassName.get(EventTypes.element(t)))
        .toList();
  }

  private Duration duration(StepReading reading, String text, String subject) {
    var parsed = DurationSyntax.parse(text);
    DURATION.check(subject, text, parsed).ifPresent(reading::error);
    return parsed.orElse(Duration.ZERO);
  }
}
