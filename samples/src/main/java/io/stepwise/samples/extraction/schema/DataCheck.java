package io.stepwise.samples.extraction.schema;

import com.networknt.schema.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Validates extracted data against the approved schema, with one readable line per error. */
public final class DataCheck {
  private final Schema schema;

  /** A check for data of {@code schema}, which must have passed {@link SchemaRules#check}. */
  public DataCheck(JsonNode schema) {
    this.schema = SchemaRules.compile(schema);
  }

  /** Every way {@code data} breaks the schema; empty when it conforms. */
  public List<String> problems(JsonNode data) {
    return schema.validate(data).stream().map(Problems::describe).distinct().toList();
  }
}
