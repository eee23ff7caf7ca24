package io.stepwise.internal.json;

import io.stepwise.WorkflowException;
import io.stepwise.spi.JsonCodec;
import io.stepwise.spi.JsonReader;
import io.stepwise.spi.JsonWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;

/**
 * Untyped JSON-like values, for the script events {@code MapStartEvent} and {@code ResultEvent}:
 * strings, booleans, numbers, lists and string-keyed maps of these, and null. Integers read back
 * as the smallest of Integer, Long, BigInteger that fits; fractions as Double.
 */
public final class DynamicJson implements JsonCodec<Object> {
  public static final DynamicJson INSTANCE = new DynamicJson();

  private DynamicJson() {}

  @Override
  public void write(JsonWriter out, Object value) {
    switch (value) {
      case String s -> out.value(s);
      case Boolean b -> out.value(b);
      case Integer i -> out.value(i);
      case Long l -> out.value(l);
      case Short s -> out.value(s);
      case Byte b -> out.value(b);
      case Double d -> out.value(d);
      case Float f -> out.value(f);
      case BigInteger b -> out.generator().writeNumber(b);
      case BigDecimal b -> out.generator().writeNumber(b);
      case Collection<?> items -> {
        out.beginArray();
        for (Object item : items) {
          out.write(this, item);
        }
        out.endArray();
      }
      case Map<?, ?> map -> {
        out.beginObject();
        for (var entry : map.entrySet()) {
          if (!(entry.getKey() instanceof String key)) {
            throw new WorkflowException("Cannot write a map key of type " + entry.getKey().getClass().getName()
                + " as JSON. Use String keys.");
          }
          out.name(key);
          out.write(this, entry.getValue());
        }
        out.endObject();
      }
      default -> throw new WorkflowException("Cannot write a value of type " + value.getClass().getName()
          + " as untyped JSON. Use strings, numbers, booleans, lists and maps, or a typed event.");
    }
  }

  @Override
  public Object read(JsonReader in) {
    JsonParser parser = in.parser();
    return switch (parser.currentToken()) {
      case VALUE_STRING -> parser.getString();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> parser.getIntValue();
        case LONG -> parser.getLongValue();
        default -> parser.getBigIntegerValue();
      };
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case START_ARRAY -> {
        var items = new ArrayList<Object>();
        in.beginArray();
        while (in.nextElement()) {
          items.add(in.read(this));
        }
        yield Collections.unmodifiableList(items);
      }
      case START_OBJECT -> {
        var map = new LinkedHashMap<String, Object>();
        in.beginObject();
        for (String key; (key = in.nextKey()) != null; ) {
          map.put(key, in.read(this));
        }
        yield Collections.unmodifiableMap(map);
      }
      default -> throw in.wrongToken("a JSON value");
    };
  }
}
