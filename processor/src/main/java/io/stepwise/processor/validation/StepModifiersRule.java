package io.stepwise.processor.validation;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * {@code [Stepwise/StepSignature]}, the method's modifiers: the generated dispatch calls a step as
 * an instance method of the workflow, with the event types the graph proved.
 */
public final class StepModifiersRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/StepSignature]";
  }

  /**
   * @param ownerClass the class that declares the method, for the message
   * @return the problems in the order private, static, type parameters; a step with type
   *     parameters cannot be read further
   */
  public List<String> check(ExecutableElement method, String ownerClass) {
    String step = "Step '" + method.getSimpleName() + "'";
    var messages = new ArrayList<String>();
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      messages.add(message(step + " must not be private. Make it package-private or public."));
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      messages.add(message(step + " must not be static. Make it an instance method of " + ownerClass + "."));
    }
    if (!method.getTypeParameters().isEmpty()) {
      messages.add(message(step + " must not declare type parameters. Use concrete event types."));
    }
    return messages;
  }
}
