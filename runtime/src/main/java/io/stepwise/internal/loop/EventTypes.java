package io.stepwise.internal.loop;

/**
 * Event types named by the strings snapshots hold. Only a type's own supertypes are walked, which
 * needs no reflection and no class loading.
 */
final class EventTypes {
  private EventTypes() {}

  /** The name a snapshot gives {@code type}: its canonical name, or its binary name when it has none. */
  static String nameOf(Class<?> type) {
    String canonical = type.getCanonicalName();
    return canonical == null ? type.getName() : canonical;
  }

  /** Whether {@code type}, or one of its superclasses or interfaces, has the snapshot name {@code name}. */
  static boolean isA(Class<?> type, String name) {
    if (type == null) {
      return false;
    }
    if (name.equals(nameOf(type)) || isA(type.getSuperclass(), name)) {
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
