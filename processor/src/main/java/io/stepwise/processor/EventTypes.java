package io.stepwise.processor;

import com.palantir.javapoet.ClassName;
import io.stepwise.processor.model.EventRole;
import io.stepwise.processor.model.EventType;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** What the compiler knows about event types, turned into {@link EventType} model values. */
final class EventTypes {
  static final String EVENT = "io.stepwise.Event";
  static final String CONTEXT = "io.stepwise.Context";

  private final Types types;
  private final Elements elements;
  private final Optional<TypeMirror> event;
  private final Optional<TypeMirror> context;

  EventTypes(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.event = erased(EVENT);
    this.context = erased(CONTEXT);
  }

  private Optional<TypeMirror> erased(String name) {
    return Optional.ofNullable(elements.getTypeElement(name)).map(e -> types.erasure(e.asType()));
  }

  boolean isEvent(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && event.isPresent()
        && types.isAssignable(types.erasure(type), event.get());
  }

  boolean isContext(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && context.isPresent()
        && types.isSameType(types.erasure(type), context.get());
  }

  /** Whether {@code type} is a subtype of the erasure of the named type. */
  boolean isSubtypeOf(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && erased(qualifiedName).map(t -> types.isAssignable(types.erasure(type), t)).orElse(false);
  }

  /** Whether the erasure of {@code type} is exactly the named type. */
  boolean is(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
  }

  static TypeElement element(TypeMirror type) {
    return (TypeElement) ((DeclaredType) type).asElement();
  }

  static boolean isConcrete(TypeElement type) {
    var kind = type.getKind();
    return (kind == ElementKind.CLASS || kind == ElementKind.RECORD || kind == ElementKind.ENUM)
        && !type.getModifiers().contains(Modifier.ABSTRACT);
  }

  static boolean isSealed(TypeElement type) {
    return type.getModifiers().contains(Modifier.SEALED);
  }

  /** A concrete type or a sealed one: a type whose instances the processor can enumerate. */
  static boolean isClosed(TypeElement type) {
    return isConcrete(type) || isSealed(type);
  }

  EventType describe(TypeElement type) {
    var supertypes = new HashSet<String>();
    collectEventSupertypes(type.asType(), supertypes);
    return new EventType(ClassName.get(type), role(type.asType()), isConcrete(type), supertypes);
  }

  /** The concrete types a value of {@code type} can have: itself if concrete, and every permitted subtype. */
  List<EventType> expand(TypeElement type) {
    var found = new TreeSet<EventType>();
    expandInto(type, found);
    return List.copyOf(found);
  }

  private void expandInto(TypeElement type, Set<EventType> found) {
    if (isConcrete(type)) {
      found.add(describe(type));
    }
    if (isSealed(type)) {
      for (TypeMirror permitted : type.getPermittedSubclasses()) {
        MissingTypeException.check(permitted);
        expandInto(element(permitted), found);
      }
    }
  }

  private void collectEventSupertypes(TypeMirror type, Set<String> into) {
    for (TypeMirror parent : types.directSupertypes(type)) {
      MissingTypeException.check(parent); // a missing supertype may be the one that makes it an event
      if (isEvent(parent) && into.add(element(parent).getQualifiedName().toString())) {
        collectEventSupertypes(parent, into);
      }
    }
  }

  private EventRole role(TypeMirror type) {
    if (isSubtypeOf(type, "io.stepwise.StartEvent")) {
      return EventRole.START;
    }
    if (isSubtypeOf(type, "io.stepwise.StopEvent")) {
      return EventRole.STOP;
    }
    if (isSubtypeOf(type, "io.stepwise.InputRequiredEvent")) {
      return EventRole.INPUT_REQUIRED;
    }
    if (isSubtypeOf(type, "io.stepwise.HumanResponseEvent")) {
      return EventRole.HUMAN_RESPONSE;
    }
    return EventRole.INTERNAL;
  }
}
