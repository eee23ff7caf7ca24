package io.stepwise.processor;

import com.palantir.javapoet.TypeName;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.StepParam;
import io.stepwise.processor.validation.FanInShapeRule;
import io.stepwise.processor.validation.StepParametersRule;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Reads a step's parameters, handing each to {@link StepParametersRule} as it is met (so messages
 * keep the parameters' order) and the whole list to {@link FanInShapeRule}.
 */
final class StepParamsReader {
  private static final StepParametersRule PARAMETERS = new StepParametersRule();
  private static final FanInShapeRule FAN_IN = new FanInShapeRule();

  private final EventTypes eventTypes;

  StepParamsReader(EventTypes eventTypes) {
    this.eventTypes = eventTypes;
  }

  /** The step's parameters as read: events, its Context, and resources matched to their providers. */
  List<StepParam> read(StepReading reading, boolean acceptSubtypes, ResourceReader.Providers providers) {
    var params = new ArrayList<StepParam>();
    int events = 0;
    int contexts = 0;
    boolean badEvent = false;
    var declared = reading.method.getParameters();
    for (int i = 0; i < declared.size(); i++) {
      VariableElement param = declared.get(i);
      TypeMirror type = reading.type.getParameterTypes().get(i);
      String name = param.getSimpleName().toString();
      StepParametersRule.Kind kind;
      if (eventTypes.isContext(type)) {
        contexts++;
        kind = StepParametersRule.Kind.CONTEXT;
        params.add(new StepParam.ContextParam(name, TypeName.get(type), needsCast(type), stateType(type)));
      } else if (eventTypes.isEvent(type)) {
        TypeElement element = EventTypes.element(type);
        kind = EventTypes.isClosed(element) || acceptSubtypes
            ? StepParametersRule.Kind.EVENT : StepParametersRule.Kind.OPEN_EVENT;
        if (kind == StepParametersRule.Kind.EVENT) {
          List<EventType> accepted = EventTypes.isClosed(element) ? eventTypes.expand(element) : List.of();
          params.add(new StepParam.EventParam(name, TypeName.get(type), events++, eventTypes.describe(element), accepted));
        }
      } else if (isBatch(type)) {
        TypeElement element = EventTypes.element(StepReader.typeArgument(type));
        kind = EventTypes.isClosed(element) ? StepParametersRule.Kind.BATCH : StepParametersRule.Kind.OPEN_BATCH;
        if (kind == StepParametersRule.Kind.BATCH) {
          params.add(new StepParam.EventParam(name, TypeName.get(type), events++, eventTypes.describe(element),
              eventTypes.expand(element), true));
        }
      } else {
        kind = StepParametersRule.Kind.RESOURCE;
        var resource = providers.resolve(param, type, reading.step, reading::error);
        if (resource != null) {
          params.add(resource);
        }
      }
      var problem = PARAMETERS.check(reading.step,
          new StepParametersRule.Param(name, TypeLabels.of(type), kind, contexts));
      if (kind == StepParametersRule.Kind.OPEN_EVENT || kind == StepParametersRule.Kind.OPEN_BATCH) {
        badEvent = true;
        problem.ifPresent(reading::lost);
      } else {
        problem.ifPresent(reading::error);
      }
    }
    PARAMETERS.checkCount(reading.step, events, badEvent).ifPresent(reading::lost);
    reading.errors(FAN_IN.check(reading.step, params, acceptSubtypes));
    return params;
  }

  /** {@code List<E>} as an event parameter (a fan-in). */
  private boolean isBatch(TypeMirror type) {
    if (!eventTypes.is(type, "java.util.List")) {
      return false;
    }
    TypeMirror element = StepReader.typeArgument(type);
    return element != null && eventTypes.isEvent(element);
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
}
