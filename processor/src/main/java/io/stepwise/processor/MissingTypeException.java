package io.stepwise.processor;

import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * A workflow uses a type that does not exist (yet): another processor may generate it in this
 * round, so the workflow is read again in the next one. Thrown from wherever the type is met, and
 * caught once per workflow.
 */
final class MissingTypeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String typeName;

  MissingTypeException(String typeName) {
    super(typeName, null, false, false);
    this.typeName = typeName;
  }

  /** The type as written in the source. */
  String typeName() {
    return typeName;
  }

  /** Throws when {@code type}, or a type it is made of (arguments, components, bounds), does not exist. */
  static void check(TypeMirror type) {
    if (type == null) {
      return;
    }
    if (type.getKind() == TypeKind.ERROR) {
      throw new MissingTypeException(type.toString());
    }
    switch (type) {
      case DeclaredType declared -> declared.getTypeArguments().forEach(MissingTypeException::check);
      case ArrayType array -> check(array.getComponentType());
      case WildcardType wildcard -> {
        check(wildcard.getExtendsBound());
        check(wildcard.getSuperBound());
      }
      case IntersectionType intersection -> intersection.getBounds().forEach(MissingTypeException::check);
      default -> { }
    }
  }
}
