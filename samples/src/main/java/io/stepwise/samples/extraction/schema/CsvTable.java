package io.stepwise.samples.extraction.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes extracted data as CSV when the schema is flat: every property a scalar (string, number,
 * integer, boolean) or an array of scalars, whose items are joined with {@code "; "}. One header
 * row (the properties in schema order) and one data row (RFC 4180 quoting, CRLF line ends).
 */
public final class CsvTable {
  private static final List<String> SCALARS = List.of("string", "number", "integer", "boolean");

  private CsvTable() {}

  /** Whether {@link #write} accepts data of this schema. */
  public static boolean isFlat(JsonNode schema) {
    JsonNode properties = schema.get("properties");
    if (properties == null || !properties.isObject()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      JsonNode field = property.getValue();
      boolean scalar = isScalar(field);
      boolean scalarList = "array".equals(typeOf(field)) && field.has("items") && isScalar(field.get("items"));
      if (!scalar && !scalarList) {
        return false;
      }
    }
    return true;
  }

  /**
   * The data as CSV.
   *
   * @throws IllegalArgumentException when the schema is not flat; write the JSON instead
   */
  public static String write(JsonNode schema, JsonNode data) {
    if (!isFlat(schema)) {
      throw new IllegalArgumentException("The schema has nested objects, so the data has no single-row CSV form; use the JSON output");
    }
    List<String> header = new ArrayList<>();
    List<String> row = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
      header.add(quote(property.getKey()));
      row.add(quote(cell(data.get(property.getKey()))));
    }
    return String.join(",", header) + "\r\n" + String.join(",", row) + "\r\n";
  }

  private static String cell(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(cell(item)));
      return String.join("; ", items);
    }
    return value.isString() ? value.asString() : value.toString();
  }

  private static String quote(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private static boolean isScalar(JsonNode field) {
    return SCALARS.contains(typeOf(field));
  }

  private static String typeOf(JsonNode field) {
    JsonNode type = field.get("type");
    return type != null && type.isString() ? type.asString() : "";
  }
}
