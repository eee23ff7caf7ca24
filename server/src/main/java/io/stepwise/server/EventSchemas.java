package io.stepwise.server;

import io.stepwise.spi.WorkflowDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON Schemas of a workflow's events, by type tag, as the annotation processor wrote them
 * ({@code META-INF/stepwise/schemas/<definition>.json}, beside the generated code). A workflow
 * compiled before the processor wrote schemas gets open object schemas named after its types.
 */
final class EventSchemas {
  static final String DIRECTORY = "META-INF/stepwise/schemas/";

  private final Map<String, Object> byTag;

  private EventSchemas(Map<String, Object> byTag) {
    this.byTag = byTag;
  }

  static EventSchemas of(WorkflowDefinition<?, ?, ?> definition) {
    String path = DIRECTORY + definition.getClass().getName() + ".json";
    ClassLoader loader = definition.getClass().getClassLoader();
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(path)) {
      if (in == null) {
        return new EventSchemas(Map.of());
      }
      Map<String, Object> schemas = JsonTree.asObject(JsonTree.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      return new EventSchemas(schemas == null ? Map.of() : schemas);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path + " of workflow '" + definition.name() + "'", e);
    }
  }

  /** The schema of the event type {@code tag}, with its role in the description, as a fresh map. */
  Map<String, Object> schema(String tag, String role) {
    Map<String, Object> generated = JsonTree.asObject(byTag.get(tag));
    var schema = new LinkedHashMap<String, Object>();
    schema.put("title", EventEnvelopes.simpleName(tag));
    schema.put("description", role == null ? tag : role + " " + tag);
    if (generated != null) {
      generated.forEach((key, value) -> {
        if (!key.equals("title")) {
          schema.put(key, value);
        }
      });
    } else {
      schema.put("type", "object");
      schema.put("properties", new LinkedHashMap<String, Object>());
      schema.put("additionalProperties", true);
    }
    return schema;
  }
}
