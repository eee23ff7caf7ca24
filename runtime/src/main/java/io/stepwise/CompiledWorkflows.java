package io.stepwise;

import io.stepwise.graph.TypeTag;
import io.stepwise.spi.WorkflowDefinition;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Finds the code the annotation processor generated for a {@code @Workflow} class by its class,
 * through the service file the processor writes, and fails with how to fix the build when the
 * processor did not run.
 *
 * <p>{@code Foo_Workflow.of(foo)} is the usual entry point; when the processor did not run, the
 * only sign of it is javac's "cannot find symbol Foo_Workflow". Code that goes through this class
 * compiles without the generated code, so a missing processor shows as an error that says what
 * to change (see docs/getting-started.md).
 */
public final class CompiledWorkflows {
  private CompiledWorkflows() {}

  /**
   * The generated workflow of {@code workflowClass}, bound to {@code target}: what
   * {@code Foo_Workflow.of(target)} returns.
   *
   * @param startEvent the workflow's start event type, checked against the generated code
   * @param stopEvent the workflow's stop event type, checked against the generated code
   * @throws IllegalStateException when no generated workflow of {@code workflowClass} is on the
   *     class path (the processor did not run), or its start or stop event type is another
   */
  public static <T, S extends StartEvent, R extends StopEvent> CompiledWorkflow<S, R> of(
      Class<T> workflowClass, T target, Class<S> startEvent, Class<R> stopEvent) {
    Objects.requireNonNull(workflowClass, "workflowClass");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(startEvent, "startEvent");
    Objects.requireNonNull(stopEvent, "stopEvent");
    WorkflowDefinition<?, ?, ?> found = definitionOf(workflowClass);
    if (found.startEventType() != startEvent || found.stopEventType() != stopEvent) {
      throw new IllegalStateException("Workflow " + TypeTag.of(workflowClass) + " starts with "
          + TypeTag.of(found.startEventType()) + " and stops with " + TypeTag.of(found.stopEventType()) + ", not "
          + TypeTag.of(startEvent) + " and " + TypeTag.of(stopEvent) + "; pass its own start and stop event types");
    }
    @SuppressWarnings("unchecked") // the three types were just compared with the generated code's
    WorkflowDefinition<T, S, R> definition = (WorkflowDefinition<T, S, R>) found;
    return CompiledWorkflow.of(definition, target);
  }

  private static WorkflowDefinition<?, ?, ?> definitionOf(Class<?> workflowClass) {
    // The generated definition sits beside the workflow class, so its class loader lists it.
    @SuppressWarnings({"rawtypes", "unchecked"})
    ServiceLoader<WorkflowDefinition<?, ?, ?>> definitions =
        (ServiceLoader) ServiceLoader.load(WorkflowDefinition.class, workflowClass.getClassLoader());
    for (WorkflowDefinition<?, ?, ?> definition : definitions) {
      if (definition.workflowType() == workflowClass) {
        return definition;
      }
    }
    throw new IllegalStateException("No generated workflow for " + TypeTag.of(workflowClass)
        + ": the Stepwise annotation processor did not run on it. Add io.stepwise:stepwise-processor to"
        + " maven-compiler-plugin's annotationProcessorPaths (Gradle: the annotationProcessor configuration);"
        + " JDK 23 and later ignore processors on the class path. Check that " + workflowClass.getSimpleName()
        + " is annotated @Workflow. See docs/getting-started.md in the Stepwise repository");
  }
}
