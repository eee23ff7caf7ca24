package io.stepwise.graph;

import java.util.List;
import java.util.Objects;

/**
 * A resource in the graph: one {@code @Provides} method of the workflow class.
 *
 * @param name the provider method's name, unique among the graph's resources
 * @param type the resource type as the user writes it
 * @param qualifier its {@code @Provides(name)}, empty when unnamed
 * @param cached whether it is created once per compiled workflow (else once per use)
 * @param dependsOn the resources its provider takes, by name, sorted
 */
public record ResourceNode(String name, String type, String qualifier, boolean cached, List<String> dependsOn) {
  public ResourceNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(qualifier, "qualifier");
    dependsOn = List.copyOf(dependsOn);
  }

  /** How renderers label it: {@code memory(): Memory}, and {@code per use} when not cached. */
  String label() {
    return name + "(): " + type + (cached ? "" : " per use");
  }
}
