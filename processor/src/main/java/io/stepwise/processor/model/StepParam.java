package io.stepwise.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/** One parameter of a step method, in declaration order. */
public sealed interface StepParam {
  String name();

  /** The parameter's declared type as written, used for the dispatch cast. */
  TypeName declaredType();

  /**
   * An event parameter; more than one make the step a join.
   *
   * @param ordinal position among the step's event parameters (index into the dispatch's events array)
   * @param declared the declared event type (concrete, sealed, or open with acceptSubtypes)
   * @param accepted the concrete event types routed to it, sorted
   * @param batch whether it is a fan-in, {@code List<E>}: {@code declared} is then {@code E}
   */
  record EventParam(
      String name, TypeName declaredType, int ordinal, EventType declared, List<EventType> accepted, boolean batch)
      implements StepParam {
    public EventParam {
      accepted = List.copyOf(accepted);
    }

    /** One event per execution. */
    public EventParam(String name, TypeName declaredType, int ordinal, EventType declared, List<EventType> accepted) {
      this(name, declaredType, ordinal, declared, accepted, false);
    }
  }

  /**
   * The step's {@code Context} parameter.
   *
   * @param needsCast whether the declared type has a type argument other than {@code ?}
   * @param stateType the state type it names, or null for {@code Context<?>} and raw {@code Context}
   */
  record ContextParam(String name, TypeName declaredType, boolean needsCast, TypeName stateType)
      implements StepParam {}

  /**
   * A resource parameter, filled by calling a {@code @Provides} method.
   *
   * @param provider index of its provider in {@link WorkflowModel#providers()}
   */
  record ResourceParam(String name, TypeName declaredType, int provider) implements StepParam {}
}
