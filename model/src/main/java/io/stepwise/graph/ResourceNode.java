package io.stepwise.graph;

import java.util.List;
import java.util.Objects;

/**
 * A resource in the graph: one {@code @Provides} method of the workflow class, or one config file
 * a {@code @Config} parameter reads.
 *
 * @param name the provider method's name (for a config file, a name made from the file), unique
 *     among the graph's resources
 * @param type the resource type as the user writes it
 * @param qualifier its {@code @Provides(name)}, empty when unnamed
 * @param cached whether it is created once per compiled workflow (else once per use)
 * @param dependsOn the resources its provider takes, by name, sorted
 * @param config the file a config resource is read from ({@code app.json}, or {@code app.json#section}),
 *     empty for a {@code @Provides} method
 */
public record ResourceNode(String name, String type, String qualifier, boolean cached, List<String> dependsOn,
    String config) {
  public ResourceNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(qualifier, "qualifier");
    Objects.requireNonNull(config, "config");
    dependsOn = List.copyOf(dependsOn);
  }

  /** A {@code @Provides} method. */
  public ResourceNode(String name, String type, String qualifier, boolean cached, List<String> dependsOn) {
    this(name, type, qualifier, cached, dependsOn, "");
  }

  /** Whether it is read from a config file. */
  public boolean isConfig() {
    return !config.isEmpty();
  }

  /**
   * How renderers label it: {@code memory(): Memory}, and {@code per use} when not cached; a config
   * file as {@code app.json: AppConfig}.
   */
  public String label() {
    if (isConfig()) {
      return config + ": " + type;
    }
    return name + "(): " + type + (cached ? "" : " per use");
  }
}
