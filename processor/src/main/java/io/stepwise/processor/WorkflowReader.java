package io.stepwise.processor;

import com.palantir.javapoet.ClassName;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.StepParam;
import io.stepwise.processor.model.WorkflowModel;
import io.stepwise.processor.validation.ErrorReporter;
import io.stepwise.processor.validation.InvalidDurationRule;
import io.stepwise.processor.validation.JoinRule;
import io.stepwise.processor.validation.SkipChecksRule;
import io.stepwise.processor.validation.StepOverrideRule;
import io.stepwise.processor.validation.StepPlacementRule;
import io.stepwise.processor.validation.WorkflowClassRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.Elements;

/**
 * Reads a {@code @Workflow} class and its steps into a {@link WorkflowModel}, handing the class and
 * each step's place among the others to the element rules of {@code validation/}.
 */
final class WorkflowReader {
  static final String WORKFLOW = "io.stepwise.annotations.Workflow";
  private static final WorkflowClassRule WORKFLOW_CLASS = new WorkflowClassRule();
  private static final InvalidDurationRule DURATION = new InvalidDurationRule();
  private static final SkipChecksRule SKIP_CHECKS = new SkipChecksRule();
  private static final StepPlacementRule PLACEMENT = new StepPlacementRule();
  private static final JoinRule JOIN = new JoinRule();
  private static final StepOverrideRule STEP_OVERRIDE = new StepOverrideRule();

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
    WORKFLOW_CLASS.check(type, classLabel).forEach(m -> reporter.error(type, m));
    String name = annotation.string("name").isEmpty() ? type.getSimpleName().toString() : annotation.string("name");
    String timeoutText = annotation.string("timeout");
    var parsedTimeout = DurationSyntax.parse(timeoutText);
    DURATION.check("Workflow '" + name + "' has timeout", timeoutText, parsedTimeout)
        .ifPresent(m -> reporter.error(type, m));
    Duration timeout = parsedTimeout.orElse(Duration.ZERO);

    int numConcurrentRuns = annotation.integer("numConcurrentRuns");
    var badRuns = WORKFLOW_CLASS.checkConcurrentRuns(classLabel, numConcurrentRuns);
    if (badRuns.isPresent()) {
      reporter.error(type, badRuns.get());
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
      boolean callable = !inherited || member.method().getModifiers().contains(Modifier.PRIVATE)
          || callable(member, type);
      var notCallable = PLACEMENT.checkCallable(step.name(), callable, label(member.owner()), classLabel);
      var duplicate = PLACEMENT.checkUnique(step.name(), names.putIfAbsent(step.name(), step) != null);
      for (var problem : List.of(notCallable, duplicate)) {
        if (problem.isPresent()) {
          reporter.error(member.method(), problem.get());
          step = step.invalid();
        }
      }
      steps.add(step);
      memberTypes.add(member.type());
      methods.add(member.method());
    }
    var resolved = checkJoins(resolveSubtypes(steps));
    var state = stateReader.read(type, name, resolved, memberTypes);
    var skipChecks = annotation.enumNames("skipChecks");
    SKIP_CHECKS.check("Workflow '" + name + "'", skipChecks).forEach(m -> reporter.error(type, m));
    return new Read(new WorkflowModel(ClassName.get(type), name, type, timeout,
        SkipChecksRule.known(skipChecks), resolved, state, providers.models(), numConcurrentRuns),
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
    reporter.warning(method, STEP_OVERRIDE.warning(method.getSimpleName().toString(),
        label(dropped.overriding().owner()), label(dropped.overridden().owner()), annotation, label(workflow)));
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
      var overlap = JOIN.check(step);
      if (overlap.isPresent()) {
        reporter.error(step.source(), overlap.get());
        step = step.invalid();
      }
      checked.add(step);
    }
    return checked;
  }
}
