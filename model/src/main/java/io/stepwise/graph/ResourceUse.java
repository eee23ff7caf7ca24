package io.stepwise.graph;

import java.util.Objects;

/** A step that takes a resource: {@code resource} names a {@link ResourceNode}. */
public record ResourceUse(String step, String resource) {
  public ResourceUse {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(resource, "resource");
  }
}
