package io.stepwise.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.stepwise.processor.model.CatchSpec;
import io.stepwise.processor.model.Check;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.ReturnShape;
import io.stepwise.processor.model.RetrySpec;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.StepParam;
import io.stepwise.processor.model.StepRouting;
import io.stepwise.processor.model.StepSettings;
import io.stepwise.processor.model.StepSignature;
import io.stepwise.processor.validation.ErrorReporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * Reads one {@code @Step} method into a {@link StepModel}, checking its signature on the way
 * (the first of the two validation levels): what cannot be read cannot be checked later.
 */
final class StepReader {
  static final String STEP = "io.stepwise.annotations.Step";
  static final String CATCH_ERROR = "io.stepwise.annotations.CatchError";
  private static final String STEP_FAILED_EVENT = "io.stepwise.StepFailedEvent";

  private final Elements elements;
  private final EventTypes eventTypes;
  private final Optional<SentEventScanner> scanner;
  private final ErrorReporter reporter;
  private boolean tolerateMissingBodyTypes;

  StepReader(Elements elements, EventTypes eventTypes, Optional<SentEventScanner> scanner, ErrorReporter reporter) {
    this.elements = elements;
    this.eventTypes = eventTypes;
    this.scanner = scanner;
    this.reporter = reporter;
  }

  /** Problems found while reading one step; "lost" means part of its graph could not be read. */
  private final class Reading {
    final ExecutableElement method;
    final ExecutableType type;
    final String step;
    boolean valid = true;
    boolean complete = true;

    Reading(ExecutableElement method, ExecutableType type) {
      this.method = method;
      this.type = type;
      this.step = "Step '" + method.getSimpleName() + "'";
    }

    void error(String message) {
      valid = false;
      reporter.error(method, message);
    }

    void lost(String message) {
      complete = false;
      error(message);
    }
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
    var reading = new Reading(method, type);
    String sig = "[Stepwise/StepSignature] " + reading.step;
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      reading.error(sig + " must not be private. Make it package-private or public.");
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      reading.error(sig + " must not be static. Make it an instance method of " + ownerClass + ".");
    }
    boolean acceptSubtypes = annotation.bool("acceptSubtypes");
    List<StepParam> params = List.of();
    if (!method.getTypeParameters().isEmpty()) {
      reading.lost(sig + " must not declare type parameters. Use concrete event types.");
    } else {
      params = readParams(reading, sig, acceptSubtypes, providers);
    }
    int workers = annotation.integer("workers");
    if (workers < 1) {
      reading.error(sig + " has workers = " + workers + ". Set workers to 1 or more.");
    }

    var declared = new TreeSet<EventType>();
    var produced = new TreeSet<EventType>();
    var descriptor = new TreeSet<EventType>();
    var emits = annotation.types("emits");
    for (TypeMirror emitted : emits) {
      if (!eventTypes.isEvent(emitted)) {
        reading.lost(sig + " emits " + TypeLabels.of(emitted)
            + ", which is not an event. List only types that implement io.stepwise.Event in emits.");
        continue;
      }
      TypeElement element = EventTypes.element(emitted);
      EventType event = eventTypes.describe(element);
      declared.add(event);
      descriptor.add(event);
      // An open emits type cannot be expanded: it stays in the graph as itself.
      produced.addAll(EventTypes.isClosed(element) ? eventTypes.expand(element) : List.of(event));
    }
    var shape = readReturn(reading, sig, !emits.isEmpty(), declared, produced, descriptor);

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
    RetrySpec retry = readRetry(reading, sig, annotation.annotation("retry"));
    String policy = annotation.string("retryPolicy");
    if (!policy.isEmpty()) {
      retry = readRetryPolicy(reading, policy, annotation.written("retry"), retry, providers);
    }
    CatchSpec catchSpec = readCatch(reading, params);
    var signature = new StepSignature(params, shape.shape(), shape.async());
    var routing = new StepRouting(List.copyOf(declared), List.copyOf(produced), List.copyOf(descriptor),
        List.copyOf(streamed), List.copyOf(awaited), shape.listed());
    var settings = new StepSettings(workers, acceptSubtypes, timeout, retry,
        checks(annotation.enumNames("skipChecks")), catchSpec);
    return new StepModel(index, method.getSimpleName().toString(), site, signature, routing, settings,
        reading.valid, reading.complete);
  }

  /** A {@code @CatchError} handler's scope, checking that it takes a StepFailedEvent; null for other steps. */
  private CatchSpec readCatch(Reading reading, List<StepParam> params) {
    var annotation = AnnotationValues.find(elements, reading.method, CATCH_ERROR);
    if (annotation.isEmpty()) {
      return null;
    }
    var events = params.stream()
        .filter(StepParam.EventParam.class::isInstance)
        .map(p -> (StepParam.EventParam) p)
        .toList();
    boolean takesFailure = events.size() == 1 && !events.getFirst().batch()
        && events.getFirst().declared().canonicalName().equals(STEP_FAILED_EVENT);
    if (!events.isEmpty() && !takesFailure) {
      String taken = events.stream().map(p -> p.declared().label()).sorted().collect(Collectors.joining(", "));
      reading.error("[Stepwise/CatchError] Handler '" + reading.method.getSimpleName() + "' takes " + taken
          + " instead of StepFailedEvent. Make a StepFailedEvent its only event parameter.");
    }
    // The runtime's CatchPolicy rejects a negative count when the generated class loads; zero would
    // make a handler that never runs.
    int maxRecoveries = annotation.get().integer("maxRecoveries");
    if (maxRecoveries < 1) {
      reading.error("[Stepwise/CatchError] Handler '" + reading.method.getSimpleName() + "' has maxRecoveries = "
          + maxRecoveries + ". Set maxRecoveries to 1 or more.");
    }
    var forSteps = new TreeSet<>(annotation.get().strings("forSteps"));
    return new CatchSpec(List.copyOf(forSteps), maxRecoveries);
  }

  private List<StepParam> readParams(Reading reading, String sig, boolean acceptSubtypes,
      ResourceReader.Providers providers) {
    var params = new ArrayList<StepParam>();
    int events = 0;
    int contexts = 0;
    boolean badEvent = false;
    var declared = reading.method.getParameters();
    for (int i = 0; i < declared.size(); i++) {
      VariableElement param = declared.get(i);
      TypeMirror type = reading.type.getParameterTypes().get(i);
      String name = param.getSimpleName().toString();
      if (eventTypes.isContext(type)) {
        if (++contexts == 2) {
          reading.error(sig + " declares more than one Context parameter. Keep one.");
        }
        params.add(new StepParam.ContextParam(name, TypeName.get(type), needsCast(type), stateType(type)));
      } else if (eventTypes.isEvent(type)) {
        TypeElement element = EventTypes.element(type);
        if (EventTypes.isClosed(element) || acceptSubtypes) {
          List<EventType> accepted = EventTypes.isClosed(element) ? eventTypes.expand(element) : List.of();
          params.add(new StepParam.EventParam(name, TypeName.get(type), events++, eventTypes.describe(element), accepted));
        } else {
          badEvent = true;
          reading.lost(sig + " parameter '" + name + "' has type " + TypeLabels.of(type)
              + ", which is neither a concrete event nor a sealed interface of events. Accept a concrete event"
              + " type or a sealed interface, or set acceptSubtypes = true.");
        }
      } else if (isBatch(type)) {
        TypeElement element = EventTypes.element(typeArgument(type));
        if (EventTypes.isClosed(element)) {
          params.add(new StepParam.EventParam(name, TypeName.get(type), events++, eventTypes.describe(element),
              eventTypes.expand(element), true));
        } else {
          badEvent = true;
          reading.lost(sig + " parameter '" + name + "' has type " + TypeLabels.of(type) + ", whose element is neither"
              + " a concrete event nor a sealed interface of events. Collect a concrete event type or a sealed"
              + " interface.");
        }
      } else {
        var resource = providers.resolve(param, type, reading.step, reading::error);
        if (resource != null) {
          params.add(resource);
        }
      }
    }
    if (events == 0 && !badEvent) {
      reading.lost(sig + " has no event parameter. Add a parameter whose type implements io.stepwise.Event.");
    }
    checkFanIn(reading, params, acceptSubtypes);
    return params;
  }

  /** {@code List<E>} as an event parameter (a fan-in). */
  private boolean isBatch(TypeMirror type) {
    if (!eventTypes.is(type, "java.util.List")) {
      return false;
    }
    TypeMirror element = typeArgument(type);
    return element != null && eventTypes.isEvent(element);
  }

  /** A fan-in's batch is its whole input: no join beside it, no subtypes the count could not foresee. */
  private static void checkFanIn(Reading reading, List<StepParam> params, boolean acceptSubtypes) {
    var events = params.stream().filter(StepParam.EventParam.class::isInstance)
        .map(StepParam.EventParam.class::cast).toList();
    var batch = events.stream().filter(StepParam.EventParam::batch).findFirst();
    if (batch.isEmpty()) {
      return;
    }
    String fanIn = "[Stepwise/FanIn] " + reading.step + " collects List<" + batch.get().declared().label() + ">";
    if (events.size() > 1) {
      reading.error(fanIn + " and takes other event parameters too. Make the List the step's only event"
          + " parameter, and join its result with the other events in a later step.");
    }
    if (acceptSubtypes) {
      reading.error(fanIn + " with acceptSubtypes = true. Collect a concrete event type or a sealed interface,"
          + " and remove acceptSubtypes.");
    }
  }

  /** Context<?> and raw Context are passed as they are; any other type argument needs an unchecked cast. */
  private static boolean needsCast(TypeMirror context) {
    var arguments = ((DeclaredType) context).getTypeArguments();
    if (arguments.isEmpty()) {
      return false;
    }
    return !(arguments.getFirst() instanceof WildcardType w && w.getExtendsBound() == null && w.getSuperBound() == null);
  }

  /** The type argument of {@code Context<S>}, or null for {@code Context<?>} and raw Context. */
  private static TypeName stateType(TypeMirror context) {
    var arguments = ((DeclaredType) context).getTypeArguments();
    if (arguments.isEmpty() || arguments.getFirst() instanceof WildcardType) {
      return null;
    }
    return TypeName.get(arguments.getFirst());
  }

  /** @param listed for {@code List<E>}, the concrete types of {@code E}; else empty */
  private record Shape(ReturnShape shape, boolean async, List<EventType> listed) {
    Shape(ReturnShape shape, boolean async) {
      this(shape, async, List.of());
    }
  }

  private Shape readReturn(Reading reading, String sig, boolean hasEmits,
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
      reading.lost(sig + " returns " + TypeLabels.of(written) + ", which is not an event. Return an event, a sealed"
          + " interface of events, Optional<E>, List<E>, void, or one of these in a CompletionStage.");
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
    } else if (!hasEmits) {
      reading.lost(sig + " returns " + TypeLabels.of(written) + ", which is neither a concrete event nor a sealed"
          + " interface of events. Return a concrete event type or a sealed interface, or list the events in emits.");
    }
    return new Shape(shape, async);
  }

  /** The single type argument, its upper bound for a wildcard, or null when raw or unbounded. */
  private static TypeMirror typeArgument(TypeMirror type) {
    var arguments = ((DeclaredType) type).getTypeArguments();
    if (arguments.isEmpty()) {
      return null;
    }
    TypeMirror argument = arguments.getFirst();
    return argument instanceof WildcardType w ? w.getExtendsBound() : argument;
  }

  private RetrySpec readRetry(Reading reading, String sig, AnnotationValues retry) {
    int maxAttempts = retry.integer("maxAttempts");
    if (maxAttempts < 1) {
      reading.error(sig + " has retry.maxAttempts = " + maxAttempts + ". Set maxAttempts to 1 or more.");
    }
    double jitter = retry.decimal("jitter");
    if (jitter < 0.0 || jitter > 1.0) {
      reading.error(sig + " has retry.jitter = " + jitter + ". Set jitter between 0.0 and 1.0.");
    }
    Duration delay = duration(reading, retry.string("delay"), reading.step + " has retry.delay");
    Duration maxDelay = duration(reading, retry.string("maxDelay"), reading.step + " has retry.maxDelay");
    return new RetrySpec(Math.max(1, maxAttempts), delay, retry.decimal("backoff"), maxDelay, jitter,
        classNames(retry.types("on")), classNames(retry.types("notOn")));
  }

  /** A step that names a policy object: it must name exactly one provider of one, and say no {@code @Retry}. */
  private RetrySpec readRetryPolicy(Reading reading, String policy, boolean retryWritten, RetrySpec retry,
      ResourceReader.Providers providers) {
    if (retryWritten) {
      reading.error("[Stepwise/RetryPolicy] " + reading.step + " has both retry = @Retry(...) and retryPolicy = \""
          + policy + "\", and only one can decide. Keep one of them.");
    }
    int provider = providers.retryPolicy(policy, reading.step, reading::error);
    return provider < 0 ? retry : retry.withPolicy(provider);
  }

  private static List<ClassName> classNames(List<TypeMirror> types) {
    return types.stream()
        .filter(t -> t.getKind() == TypeKind.DECLARED)
        .map(t -> ClassName.get(EventTypes.element(t)))
        .toList();
  }

  private Duration duration(Reading reading, String text, String subject) {
    return DurationSyntax.parse(text).orElseGet(() -> {
      reading.error(invalidDuration(subject, text));
      return Duration.ZERO;
    });
  }

  static String invalidDuration(String subject, String text) {
    return "[Stepwise/InvalidDuration] " + subject + " = \"" + text + "\", which is not a duration."
        + " Write it as \"500ms\", \"30s\", \"2m\", \"1h\" or ISO-8601 \"PT30S\".";
  }

  /** Constants this processor does not know (a newer annotations jar) are ignored, not fatal. */
  static Set<Check> checks(List<String> names) {
    return names.stream()
        .filter(n -> java.util.Arrays.stream(Check.values()).anyMatch(c -> c.name().equals(n)))
        .map(Check::valueOf)
        .collect(Collectors.toSet());
  }
}
