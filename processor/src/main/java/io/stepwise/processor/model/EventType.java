package io.stepwise.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.Set;

/**
 * An event type as the graph sees it.
 *
 * @param name the type's class name
 * @param role its role, from the marker interfaces it implements
 * @param concrete whether instances of exactly this type exist (a non-abstract class or record)
 * @param supertypes canonical names of every supertype that is itself an event, transitively;
 *     kept so rules can decide assignability without the compiler
 */
public record EventType(ClassName name, EventRole role, boolean concrete, Set<String> supertypes)
    implements Comparable<EventType> {

  public EventType {
    supertypes = Set.copyOf(supertypes);
  }

  /** The name users read in messages: simple names, nested ones as {@code Outer.Inner}. */
  public String label() {
    return String.join(".", name.simpleNames());
  }

  public String canonicalName() {
    return name.canonicalName();
  }

  /** Whether a value of this type is also an instance of {@code other}. */
  public boolean isAssignableTo(EventType other) {
    return equals(other) || supertypes.contains(other.canonicalName());
  }

  @Override
  public int compareTo(EventType other) {
    return canonicalName().compareTo(other.canonicalName());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventType other && canonicalName().equals(other.canonicalName());
  }

  @Override
  public int hashCode() {
    return canonicalName().hashCode();
  }
}
