package io.stepwise.processor;

import com.palantir.javapoet.ClassName;
import io.stepwise.processor.model.StateSpec;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.validation.ErrorReporter;
import io.stepwise.processor.validation.StateConflictRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the workflow's state type in its steps' {@code Context<S>} parameters; {@link StateConflictRule}
 * judges that every step names the same one and that the generated code can create it.
 */
final class StateReader {
  private static final StateConflictRule STATE_CONFLICT = new StateConflictRule();
  private final Elements elements;
  private final Types types;
  private final EventTypes eventTypes;
  private final ErrorReporter reporter;

  StateReader(Elements elements, Types types, EventTypes eventTypes, ErrorReporter reporter) {
    this.elements = elements;
    this.types = types;
    this.eventTypes = eventTypes;
    this.reporter = reporter;
  }

  /**
   * The state type, or null when no step names one or the steps disagree (reported).
   *
   * @param signatures each step's method type as a member of the workflow, by step index
   * @throws MissingTypeException when the state type, or a type it is made of, does not exist yet
   */
  StateSpec read(TypeElement workflow, String workflowName, List<StepModel> steps, List<ExecutableType> signatures) {
    Map<String, TypeMirror> named = new TreeMap<>();
    StepModel first = null;
    for (StepModel step : steps) {
      TypeMirror state = stateType(signatures.get(step.index()));
      if (state != null) {
        named.put(step.name(), state);
        first = first == null ? step : first;
      }
    }
    if (first == null) {
      return null;
    }
    TypeMirror state = named.get(first.name());
    Map<String, String> labels = new TreeMap<>();
    named.forEach((step, type) -> labels.put(step, TypeLabels.of(type)));
    var conflict = STATE_CONFLICT.checkOneType(workflowName, labels,
        named.values().stream().anyMatch(t -> !types.isSameType(t, state)));
    if (conflict.isPresent()) {
      reporter.error(workflow, conflict.get());
      return null;
    }
    var notCreatable = STATE_CONFLICT.checkCreatable(first.name(), TypeLabels.of(state),
        problem(state, packageOf(workflow)));
    if (notCreatable.isPresent()) {
      reporter.error(first.source(), notCreatable.get());
      return null;
    }
    TypeElement element = EventTypes.element(state);
    return new StateSpec(ClassName.get(element), copyFields(element, packageOf(workflow)));
  }

  private TypeMirror stateType(ExecutableType method) {
    for (TypeMirror type : method.getParameterTypes()) {
      if (eventTypes.isContext(type)) {
        var arguments = ((DeclaredType) type).getTypeArguments();
        if (!arguments.isEmpty() && !(arguments.getFirst() instanceof WildcardType)) {
          return arguments.getFirst();
        }
      }
    }
    return null;
  }

  /** Why the generated {@code new S()} would not compile, or null. */
  private String problem(TypeMirror state, String workflowPackage) {
    if (state.getKind() != TypeKind.DECLARED) {
      return "is not a class";
    }
    TypeElement element = EventTypes.element(state);
    if (element.getKind() != ElementKind.CLASS && element.getKind() != ElementKind.RECORD) {
      return "is not a class";
    }
    if (element.getModifiers().contains(Modifier.ABSTRACT)) {
      return "is abstract";
    }
    if (!element.getTypeParameters().isEmpty()) {
      return "is generic";
    }
    if (element.getNestingKind() == NestingKind.MEMBER && !element.getModifiers().contains(Modifier.STATIC)
        && element.getKind() == ElementKind.CLASS) {
      return "is an inner class";
    }
    if (element.getNestingKind() == NestingKind.LOCAL || element.getNestingKind() == NestingKind.ANONYMOUS
        || !accessible(element, workflowPackage)) {
      return "is not accessible from the generated code";
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(element.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty() && accessible(constructor, workflowPackage)) {
        return null;
      }
    }
    return "has no accessible no-arg constructor";
  }

  /** Instance fields a copy can assign one by one, or null when some field is out of reach. */
  private List<String> copyFields(TypeElement element, String workflowPackage) {
    if (element.getKind() == ElementKind.RECORD) {
      return null; // immutable by design: updateState replaces it, no copy is needed
    }
    var fields = new ArrayList<String>();
    var seen = new HashSet<String>();
    for (TypeElement type = element; type != null; type = superclass(type)) {
      for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        if (field.getModifiers().contains(Modifier.STATIC)) {
          continue;
        }
        if (field.getModifiers().contains(Modifier.FINAL) || !accessible(field, workflowPackage)
            || !seen.add(field.getSimpleName().toString())) {
          return null;
        }
        fields.add(field.getSimpleName().toString());
      }
    }
    return fields;
  }

  private TypeElement superclass(TypeElement type) {
    TypeMirror parent = type.getSuperclass();
    if (parent.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = EventTypes.element(parent);
    return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
  }

  private boolean accessible(Element element, String workflowPackage) {
    for (Element e = element; e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      var modifiers = e.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)) {
        return false;
      }
      if (!modifiers.contains(Modifier.PUBLIC) && !packageOf(e).equals(workflowPackage)) {
        return false;
      }
    }
    return true;
  }

  private String packageOf(Element element) {
    return elements.getPackageOf(element).getQualifiedName().toString();
  }
}
