package io.stepwise.processor.validation;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * {@code [Stepwise/WorkflowClass]}: the generated {@code Foo_Workflow}, in the workflow's package,
 * can name the class and call its steps; and a step belongs to a workflow.
 */
public final class WorkflowClassRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/WorkflowClass]";
  }

  /** @param label the class's simple names joined by dots */
  public List<String> check(TypeElement type, String label) {
    String prefix = "Workflow class '" + label + "'";
    var messages = new ArrayList<String>();
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      messages.add(message(prefix + " must be a class. Put @Workflow on a class or a record."));
      return messages;
    }
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      messages.add(message(prefix + " must not be private. Make it package-private or public."));
    }
    Element enclosing = type.getEnclosingElement();
    boolean nested = enclosing.getKind().isClass() || enclosing.getKind().isInterface();
    if (nested && !type.getModifiers().contains(Modifier.STATIC) && type.getKind() != ElementKind.RECORD) {
      messages.add(message(prefix + " must be top-level or static nested. Make it a static nested class."));
    } else if (!nested && enclosing.getKind() != ElementKind.PACKAGE) {
      messages.add(message(prefix + " must be top-level or static nested. Move it out of the method."));
    }
    for (Element outer = enclosing; outer instanceof TypeElement t; outer = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        String outerLabel = String.join(".", ClassName.get(t).simpleNames());
        messages.add(message(prefix + " is nested in private class '" + outerLabel
            + "'. Make '" + outerLabel + "' package-private or public."));
      }
    }
    if (!type.getTypeParameters().isEmpty()) {
      messages.add(message(prefix + " must not declare type parameters. Remove them."));
    }
    return messages;
  }

  public Optional<String> checkConcurrentRuns(String label, int numConcurrentRuns) {
    return numConcurrentRuns < 0 ? Optional.of(message("Workflow class '" + label + "' has numConcurrentRuns = "
        + numConcurrentRuns + ". Set numConcurrentRuns to 1 or more, or leave it out for no limit."))
        : Optional.empty();
  }

  /**
   * A step in a class that is neither a workflow nor extended by one: known only once every round has run.
   *
   * @param ownerLabel the declaring class's simple names joined by dots
   */
  public String stepOutsideWorkflow(String step, String ownerLabel) {
    return message("Step '" + step + "' is declared in " + ownerLabel + ", which is neither a @Workflow class nor"
        + " extended by one. Annotate " + ownerLabel + " with @Workflow, make it abstract, or remove @Step.");
  }
}
