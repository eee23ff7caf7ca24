package io.stepwise.samples.extraction.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether text is a JSON Schema the extraction can use: valid JSON, valid against the
 * JSON Schema 2020-12 meta-schema (checked by networknt's validator, which ships the meta-schema,
 * so nothing is fetched), and an object at the root with its fields under {@code properties}.
 */
public final class SchemaRules {
  /** The 2020-12 meta-schema's id; the validator resolves it from its own resources. */
  public static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema META = REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA));

  private SchemaRules() {}

  /**
   * The schema {@code text} holds, checked.
   *
   * @throws InvalidSchemaException listing every problem found
   */
  public static JsonNode check(String text) {
    JsonNode schema;
    try {
      schema = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new InvalidSchemaException(List.of("The schema is not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")."));
    }
    List<String> problems = new ArrayList<>();
    // The meta-schema's anyOf branches repeat one finding several times; say each once.
    META.validate(schema).stream()
        .map(error -> "Not a valid JSON Schema 2020-12: " + Problems.describe(error))
        .distinct()
        .forEach(problems::add);
    if (problems.isEmpty()) {
      problems.addAll(rootProblems(schema));
    }
    if (!problems.isEmpty()) {
      throw new InvalidSchemaException(problems);
    }
    return schema;
  }

  /** A validator for data, built from a schema that passed {@link #check}. */
  public static Schema compile(JsonNode schema) {
    return REGISTRY.getSchema(schema);
  }

  // The extraction asks for one object per document, so the root must describe an object.
  private static List<String> rootProblems(JsonNode schema) {
    List<String> problems = new ArrayList<>();
    if (!schema.isObject()) {
      problems.add("The schema's root must be an object with \"type\": \"object\", but it is " + schema + ".");
      return problems;
    }
    JsonNode type = schema.get("type");
    if (type == null || !type.isString() || !type.asString().equals("object")) {
      problems.add("The schema's root must have \"type\": \"object\", but it has " + (type == null ? "no type" : "\"type\": " + type) + ".");
    }
    JsonNode properties = schema.get("properties");
    if (properties == null || !properties.isObject() || properties.isEmpty()) {
      problems.add("The schema's root must list the fields to extract under \"properties\", but it has "
          + (properties == null ? "none" : properties.toString()) + ".");
    }
    return problems;
  }
}
