package io.stepwise.internal.loop;

import io.stepwise.graph.TypeTag;

/**
 * Event types named by the strings snapshots hold. Only a type's own supertypes are walked, which
 * needs no reflection and no class loading.
 */
final class EventTypes {
  private EventTypes() {}

  /** Whether {@code type}, or one of its superclasses or interfaces, has the snapshot name {@code name}. */
  static boolean isA(Class<?> type, String name) {
    if (type == null) {
      return false;
    }
    if (name.equals(TypeTag.of(type)) || isA(type.getSuperclass(), name)) {
      return true;
    }
    for (Class<?> implemented : type.getInterfaces()) {
      if (isA(implemented, name)) {
        return true;
      }
    }
    return false;
  }
}
