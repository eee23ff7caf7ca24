package io.stepwise.graph;

/**
 * How a type is named in graphs, graph hashes, snapshots and traces: its canonical name
 * ({@code com.acme.Outer.Inner}), or its binary name for a type that has none (local and
 * anonymous classes). The processor writes the same names from its own view of the types.
 */
public final class TypeTag {
  private TypeTag() {}

  public static String of(Class<?> type) {
    String canonical = type.getCanonicalName();
    return canonical == null ? type.getName() : canonical;
  }
}
