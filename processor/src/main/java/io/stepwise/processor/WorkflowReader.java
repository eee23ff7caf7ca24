package io.stepwise.processor;

import com.palantir.javapoet.ClassName;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.StepParam;
import io.stepwise.processor.model.WorkflowModel;
import io.stepwise.processor.validation.ErrorReporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.Elements;

/** Reads a {@code @Workflow} class and its steps into a {@link WorkflowModel}, reporting what is malformed. */
final class WorkflowReader {
  static final String WORKFLOW = "io.stepwise.annotations.Workflow";

  private final Elements elements;
  private final WorkflowMembers members;
  private final StepReader stepReader;
  private final StateReader stateReader;
  private final ResourceReader resourceReader;
  private final ErrorReporter reporter;

  WorkflowReader(Elements elements, WorkflowMembers members, StepReader stepReader, StateReader stateReader,
      ResourceReader resourceReader, ErrorReporter reporter) {
    this.elements = elements;
    this.members = members;
    this.stepReader = stepReader;
    this.stateReader = stateReader;
    this.resourceReader = resourceReader;
    this.reporter = reporter;
  }

  /**
   * A workflow as read.
   *
   * @param methods the method of each step, by step index
   */
  record Read(WorkflowModel workflow, List<ExecutableElement> methods) {}

  /** @throws MissingTypeException when the workflow uses a type that does not exist yet */
  Read read(TypeElement type) {
    var annotation = AnnotationValues.find(elements, type, WORKFLOW).orElseThrow();
    String classLabel = label(type);
    checkClass(type, classLabel);
    String name = annotation.string("name").isEmpty() ? type.getSimpleName().toString() : annotation.string("name");
    String timeoutText = annotation.string("timeout");
    Duration timeout = DurationSyntax.parse(timeoutText).orElseGet(() -> {
      reporter.error(type, StepReader.invalidDuration("Workflow '" + name + "' has timeout", timeoutText));
      return Duration.ZERO;
    });

    int numConcurrentRuns = annotation.integer("numConcurrentRuns");
    if (numConcurrentRuns < 0) {
      reporter.error(type, "[Stepwise/WorkflowClass] Workflow class '" + classLabel + "' has numConcurrentRuns = "
          + numConcurrentRuns + ". Set numConcurrentRuns to 1 or more, or leave it out for no limit.");
      numConcurrentRuns = 0;
    }

    var found = members.of(type, Set.of(StepReader.STEP, StepReader.CATCH_ERROR, ResourceReader.PROVIDES));
    found.dropped().forEach(d -> warnDropped(d, type));
    var providers = resourceReader.read(found.members().stream()
        .filter(m -> m.annotated(ResourceReader.PROVIDES))
        .toList());
    var steps = new ArrayList<StepModel>();
    var memberTypes = new ArrayList<ExecutableType>();
    var methods = new ArrayList<ExecutableElement>();
    var names = new HashMap<String, StepModel>();
    for (WorkflowMembers.Member member : found.members()) {
      if (!member.annotated(StepReader.STEP) && !member.annotated(StepReader.CATCH_ERROR)) {
        continue;
      }
      boolean inherited = !member.owner().equals(type);
      // Diagnostics about an inherited step's place in this workflow's graph go on the workflow.
      Element site = inherited ? type : member.method();
      StepModel step = stepReader.read(member.method(), member.type(), site, steps.size(), label(member.owner()),
          providers);
      // A private step is reported as such by the step reader.
      if (inherited && !member.method().getModifiers().contains(Modifier.PRIVATE) && !callable(member, type)) {
        reporter.error(member.method(), "[Stepwise/StepSignature] Step '" + step.name() + "' is declared in "
            + label(member.owner()) + ", in another package than " + classLabel + ", and is not public, so the"
            + " generated code cannot call it. Make it public.");
        step = step.invalid();
      }
      // Steps are addressed by name (graph, sendEvent(ev, step)), so an overload would be ambiguous.
      if (names.putIfAbsent(step.name(), step) != null) {
        reporter.error(member.method(), "[Stepwise/StepSignature] Step '" + step.name()
            + "' is declared more than once. Give each step a distinct method name.");
        step = step.invalid();
      }
      steps.add(step);
      memberTypes.add(member.type());
      methods.add(member.method());
    }
    var resolved = checkJoins(resolveSubtypes(steps));
    var state = stateReader.read(type, name, resolved, memberTypes);
    return new Read(new WorkflowModel(ClassName.get(type), name, type, timeout,
        StepReader.checks(annotation.enumNames("skipChecks")), resolved, state, providers.models(), numConcurrentRuns),
        List.copyOf(methods));
  }

  /**
   * A method that overrides a step without {@code @Step} is not a step (as in Python, where the
   * redefinition replaces the decorated method); since that is easy to do by accident, it is
   * said, unless the override says {@code @SuppressWarnings("stepwise")}.
   */
  private void warnDropped(WorkflowMembers.Dropped dropped, TypeElement workflow) {
    var method = dropped.overriding().method();
    if (suppressed(method) || suppressed(dropped.overriding().owner())) {
      return;
    }
    String annotation = dropped.overridden().annotated(StepReader.STEP) ? "@Step" : "@CatchError";
    String name = method.getSimpleName().toString();
    reporter.warning(method, "[Stepwise/StepOverride] Method '" + name + "' of "
        + label(dropped.overriding().owner()) + " overrides step '" + name + "' of "
        + label(dropped.overridden().owner()) + " without " + annotation + ", so it is not a step of workflow '"
        + label(workflow) + "'. Add " + annotation + " to keep the step, or @SuppressWarnings(\"stepwise\") to"
        + " drop it.");
  }

  private static boolean suppressed(Element element) {
    return AnnotationValues.findMirror(element, "java.lang.SuppressWarnings")
        .map(mirror -> mirror.getElementValues().values().stream()
            .anyMatch(v -> v.toString().contains("\"stepwise\"")))
        .orElse(false);
  }

  /** Generated code lives in the workflow's package and calls every step on the workflow instance. */
  private boolean callable(WorkflowMembers.Member member, TypeElement workflow) {
    return member.method().getModifiers().contains(Modifier.PUBLIC)
        || elements.getPackageOf(member.owner()).equals(elements.getPackageOf(workflow));
  }

  private static String label(TypeElement type) {
    return String.join(".", ClassName.get(type).simpleNames());
  }

  private void checkClass(TypeElement type, String label) {
    String prefix = "[Stepwise/WorkflowClass] Workflow class '" + label + "'";
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      reporter.error(type, prefix + " must be a class. Put @Workflow on a class or a record.");
      return;
    }
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      reporter.error(type, prefix + " must not be private. Make it package-private or public.");
    }
    Element enclosing = type.getEnclosingElement();
    boolean nested = enclosing.getKind().isClass() || enclosing.getKind().isInterface();
    if (nested && !type.getModifiers().contains(Modifier.STATIC) && type.getKind() != ElementKind.RECORD) {
      reporter.error(type, prefix + " must be top-level or static nested. Make it a static nested class.");
    } else if (!nested && enclosing.getKind() != ElementKind.PACKAGE) {
      reporter.error(type, prefix + " must be top-level or static nested. Move it out of the method.");
    }
    for (Element outer = enclosing; outer instanceof TypeElement t; outer = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        String outerLabel = String.join(".", ClassName.get(t).simpleNames());
        reporter.error(type, prefix + " is nested in private class '" + outerLabel
            + "'. Make '" + outerLabel + "' package-private or public.");
      }
    }
    if (!type.getTypeParameters().isEmpty()) {
      reporter.error(type, prefix + " must not declare type parameters. Remove them.");
    }
  }

  /**
   * With acceptSubtypes a parameter also takes every graph event assignable to its type; the graph
   * is known only once all steps are read.
   */
  private static List<StepModel> resolveSubtypes(List<StepModel> steps) {
    var graphEvents = new TreeSet<EventType>();
    for (StepModel step : steps) {
      graphEvents.addAll(step.accepted());
      step.produced().stream().filter(EventType::concrete).forEach(graphEvents::add);
    }
    return steps.stream().map(step -> {
      if (!step.settings().acceptSubtypes()) {
        return step;
      }
      List<StepParam> params = step.params().stream().map(param -> {
        if (!(param instanceof StepParam.EventParam event)) {
          return param;
        }
        var accepted = new TreeSet<>(event.accepted());
        graphEvents.stream().filter(e -> e.isAssignableTo(event.declared())).forEach(accepted::add);
        return (StepParam) new StepParam.EventParam(
            event.name(), event.declaredType(), event.ordinal(), event.declared(), List.copyOf(accepted), event.batch());
      }).toList();
      return step.withParams(params);
    }).toList();
  }

  /** A join needs to tell its inputs apart: an event both parameters accept would be ambiguous. */
  private List<StepModel> checkJoins(List<StepModel> steps) {
    var checked = new ArrayList<StepModel>();
    for (StepModel step : steps) {
      var overlap = overlap(step.eventParams());
      if (overlap != null) {
        reporter.error(step.source(), "[Stepwise/StepSignature] Step '" + step.name()
            + "' has two event parameters that accept " + overlap.label()
            + ". Give each parameter of a join a distinct event type.");
        step = step.invalid();
      }
      checked.add(step);
    }
    return checked;
  }

  private static EventType overlap(List<StepParam.EventParam> params) {
    var shared = new TreeSet<EventType>();
    for (int i = 0; i < params.size(); i++) {
      for (int j = i + 1; j < params.size(); j++) {
        var both = new TreeSet<>(params.get(i).accepted());
        both.retainAll(params.get(j).accepted());
        shared.addAll(both);
        if (params.get(i).declared().equals(params.get(j).declared())) {
          shared.add(params.get(i).declared());
        }
      }
    }
    return shared.isEmpty() ? null : shared.first();
  }
}
