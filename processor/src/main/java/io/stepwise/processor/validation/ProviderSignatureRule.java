package io.stepwise.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * {@code [Stepwise/ProviderSignature]}: a {@code @Provides} method is an instance method the
 * generated code can call, returns a resource (not an event: events go between steps) and takes
 * only resources.
 */
public final class ProviderSignatureRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/ProviderSignature]";
  }

  /**
   * @param returned its return type as a member of the workflow; @param returnedLabel that type for messages
   * @param returnsEvent whether that type is an event
   */
  public List<String> check(ExecutableElement method, TypeMirror returned, String returnedLabel,
      boolean returnsEvent) {
    String prefix = "Provider '" + method.getSimpleName() + "'";
    var messages = new ArrayList<String>();
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      messages.add(message(prefix + " must not be private. Make it package-private or public."));
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      messages.add(message(prefix + " must not be static. Make it an instance method."));
    }
    if (!method.getTypeParameters().isEmpty()) {
      messages.add(message(prefix + " must not declare type parameters. Return a concrete type."));
    }
    if (returned.getKind() == TypeKind.VOID) {
      messages.add(message(prefix + " returns void. Return the resource it provides."));
    } else if (returnsEvent) {
      messages.add(message(prefix + " returns " + returnedLabel
          + ", which is an event; events go between steps, not into them. Return a type that is not an event."));
    }
    return messages;
  }

  /** @param owner {@code Provider 'x'}; @param context whether the parameter is a Context; @param event whether an event */
  public Optional<String> checkParameter(String owner, String param, boolean context, boolean event) {
    if (!context && !event) {
      return Optional.empty();
    }
    return Optional.of(message(owner + " parameter '" + param + "' is " + (context ? "a Context" : "an event")
        + "; providers take only resources. Remove the parameter."));
  }
}
