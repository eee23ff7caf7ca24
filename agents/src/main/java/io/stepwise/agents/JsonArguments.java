package io.stepwise.agents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Reads a tool call's JSON arguments into plain maps and lists, with Jackson's streaming parser only. */
final class JsonArguments {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonArguments() {}

  /**
   * The JSON object's members; an empty or blank text is an empty object (some models send "").
   *
   * @throws IllegalArgumentException when the text is not one JSON object
   */
  static Map<String, Object> parse(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("The arguments must be a JSON object, got: " + json);
      }
      Object value = read(parser, parser.currentToken());
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("The arguments hold more than one JSON value: " + json);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> members = (Map<String, Object>) value;
      return members;
    } catch (JacksonException e) {
      throw new IllegalArgumentException("The arguments are not valid JSON (" + e.getOriginalMessage() + "): " + json);
    }
  }

  private static Object read(JsonParser parser, JsonToken token) {
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Object> members = new LinkedHashMap<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
          String name = parser.currentName();
          members.put(name, read(parser, parser.nextToken()));
        }
        yield Collections.unmodifiableMap(members);
      }
      case START_ARRAY -> {
        List<Object> items = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          items.add(read(parser, next));
        }
        yield Collections.unmodifiableList(items);
      }
      case VALUE_STRING -> parser.getString();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IllegalArgumentException("Unexpected JSON token " + token);
    };
  }
}
