package io.stepwise.internal.snapshot;

import io.stepwise.Event;
import io.stepwise.internal.json.DynamicJson;
import io.stepwise.spi.CodecRegistry;
import io.stepwise.spi.JsonCodec;
import io.stepwise.spi.JsonReader;
import io.stepwise.spi.JsonWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Store values in a snapshot: JSON-like values as they are; the workflow's events (with their type
 * tag) under {@code "@event"}, its state under {@code "@state"}, and a map whose first key starts
 * with {@code @} under {@code "@map"}, so no map is mistaken for either.
 */
final class StoreValues implements JsonCodec<Object> {
  static final String EVENT = "@event";
  static final String STATE = "@state";
  static final String MAP = "@map";

  private final CodecRegistry codecs;

  StoreValues(CodecRegistry codecs) {
    this.codecs = codecs;
  }

  @Override
  public void write(JsonWriter out, Object value) {
    if (value instanceof Event event && codecs.events().knows(event.getClass())) {
      out.beginObject();
      out.name(EVENT);
      codecs.events().write(out, event);
      out.endObject();
      return;
    }
    var state = codecs.state().orElse(null);
    if (state != null && state.type().isInstance(value)) {
      out.beginObject();
      out.name(STATE);
      writeState(out, state, value);
      out.endObject();
      return;
    }
    switch (value) {
      case Collection<?> items -> {
        out.beginArray();
        for (Object item : items) {
          out.write(this, item);
        }
        out.endArray();
      }
      case Map<?, ?> map -> {
        boolean wrap = !map.isEmpty() && map.keySet().iterator().next() instanceof String first
            && first.startsWith("@");
        out.beginObject();
        if (wrap) {
          out.name(MAP);
          out.beginObject();
        }
        for (var entry : map.entrySet()) {
          out.name((String) entry.getKey()); // the store accepts only string keys
          out.write(this, entry.getValue());
        }
        if (wrap) {
          out.endObject();
        }
        out.endObject();
      }
      default -> DynamicJson.INSTANCE.write(out, value);
    }
  }

  private static <S> void writeState(JsonWriter out, CodecRegistry.StateCodec<S> state, Object value) {
    state.codec().write(out, state.type().cast(value));
  }

  @Override
  public Object read(JsonReader in) {
    return switch (in.parser().currentToken()) {
      case START_ARRAY -> {
        var items = new ArrayList<Object>();
        in.beginArray();
        while (in.nextElement()) {
          items.add(in.read(this));
        }
        yield Collections.unmodifiableList(items);
      }
      case START_OBJECT -> readObject(in);
      default -> DynamicJson.INSTANCE.read(in);
    };
  }

  private Object readObject(JsonReader in) {
    in.beginObject();
    String first = in.nextKey();
    if (first == null) {
      return Map.of();
    }
    Object value;
    switch (first) {
      case EVENT -> value = in.read(codecs.events());
      case STATE -> value = in.read(codecs.state().orElseThrow(() -> in.fail("workflow '" + codecs.workflow()
          + "' has no state type, yet the store holds one")).codec());
      case MAP -> {
        in.beginObject();
        value = readMap(in, in.nextKey());
      }
      default -> {
        return readMap(in, first);
      }
    }
    if (value == null || in.nextKey() != null) {
      throw in.fail("expected exactly one non-null value under \"" + first + "\"");
    }
    return value;
  }

  private Map<String, Object> readMap(JsonReader in, String first) {
    var map = new LinkedHashMap<String, Object>();
    for (String key = first; key != null; key = in.nextKey()) {
      map.put(key, in.read(this));
    }
    return Collections.unmodifiableMap(map);
  }
}
