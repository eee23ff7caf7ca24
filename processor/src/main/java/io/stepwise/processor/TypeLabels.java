package io.stepwise.processor;

import static java.util.stream.Collectors.joining;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** Short type names for messages: {@code List<String>}, {@code Outer.Inner}, as a user writes them. */
final class TypeLabels {
  private TypeLabels() {}

  static String of(TypeMirror type) {
    return switch (type.getKind()) {
      case DECLARED -> declared((DeclaredType) type);
      case ARRAY -> of(((ArrayType) type).getComponentType()) + "[]";
      case WILDCARD -> wildcard((WildcardType) type);
      default -> type.toString();
    };
  }

  private static String declared(DeclaredType type) {
    String name = String.join(".", ClassName.get((TypeElement) type.asElement()).simpleNames());
    if (type.getTypeArguments().isEmpty()) {
      return name;
    }
    return name + type.getTypeArguments().stream().map(TypeLabels::of).collect(joining(", ", "<", ">"));
  }

  private static String wildcard(WildcardType type) {
    if (type.getExtendsBound() != null) {
      return "? extends " + of(type.getExtendsBound());
    }
    if (type.getSuperBound() != null) {
      return "? super " + of(type.getSuperBound());
    }
    return "?";
  }
}
