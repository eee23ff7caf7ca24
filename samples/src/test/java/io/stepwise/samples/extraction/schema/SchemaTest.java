package io.stepwise.samples.extraction.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Schemas are found in replies, checked against 2020-12, and used to check and tabulate data. */
class SchemaTest {
  private static final String INVOICE = """
      {"type": "object",
       "properties": {"number": {"type": "string"}, "total": {"type": "number"},
                      "items": {"type": "array", "items": {"type": "string"}}},
       "required": ["number", "total"]}""";

  @Test
  void schemaTextIsFoundBetweenTheTags() {
    assertEquals("{\"type\": \"object\"}", SchemaReply.schemaText("Here it is:\n<schema>\n{\"type\": \"object\"}\n</schema>\nDone."));
  }

  @Test
  void replyWithoutTagsIsRefusedWithTheFix() {
    InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> SchemaReply.schemaText("{\"type\": \"object\"}"));

    assertEquals(List.of("The reply has no <schema>...</schema> block: wrap the JSON Schema in <schema> and </schema> tags."), e.problems());
  }

  @Test
  void validSchemaPasses() {
    JsonNode schema = SchemaRules.check(INVOICE);

    assertEquals("object", schema.get("type").asString());
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> SchemaRules.check("{\"type\": \"object\", "));

    assertEquals(List.of("The schema is not valid JSON: Unexpected end-of-input within/between Object entries (line 1, column 20)."), e.problems());
  }

  @Test
  void metaSchemaViolationsAreListedOncePerFinding() {
    InvalidSchemaException e = assertThrows(InvalidSchemaException.class,
        () -> SchemaRules.check("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"strng\"},\"b\":{\"minLength\":-1}}}"));

    assertEquals(List.of(
        "Not a valid JSON Schema 2020-12: /properties/a/type: does not have a value in the enumeration [\"array\", \"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\"]",
        "Not a valid JSON Schema 2020-12: /properties/a/type: string found, array expected",
        "Not a valid JSON Schema 2020-12: /properties/b/minLength: must have a minimum value of 0"), e.problems());
  }

  @Test
  void rootMustBeAnObjectWithProperties() {
    InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> SchemaRules.check("{\"type\": \"array\"}"));

    assertEquals(List.of("The schema's root must have \"type\": \"object\", but it has \"type\": \"array\".",
        "The schema's root must list the fields to extract under \"properties\", but it has none."), e.problems());
  }

  @Test
  void dataIsCheckedAgainstTheSchema() {
    DataCheck check = new DataCheck(SchemaRules.check(INVOICE));

    assertEquals(List.of(), check.problems(json("{\"number\": \"A-1\", \"total\": 12.5}")));
    assertEquals(List.of("/total: string found, number expected", "(root): required property 'number' not found"),
        check.problems(json("{\"total\": \"12.5\"}")));
  }

  @Test
  void flatSchemaBecomesOneCsvRow() {
    JsonNode schema = SchemaRules.check(INVOICE);

    assertTrue(CsvTable.isFlat(schema));
    assertEquals("number,total,items\r\nA-1,1250.5,\"Design, 10h; Hosting\"\r\n",
        CsvTable.write(schema, json("{\"number\": \"A-1\", \"total\": 1250.50, \"items\": [\"Design, 10h\", \"Hosting\"]}")));
  }

  @Test
  void nestedSchemaHasNoCsvForm() {
    JsonNode schema = SchemaRules.check("{\"type\": \"object\", \"properties\": {\"seller\": {\"type\": \"object\"}}}");

    assertFalse(CsvTable.isFlat(schema));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvTable.write(schema, json("{}")));
    assertEquals("The schema has nested objects, so the data has no single-row CSV form; use the JSON output", e.getMessage());
  }

  private static JsonNode json(String text) {
    return JsonMapper.builder().build().readTree(text);
  }
}
