package io.stepwise.spi;

import io.stepwise.Event;

/**
 * Store values in a snapshot: JSON-like values as {@link UntypedJson} writes them (each reads back
 * as the type it was), plus the workflow's events (with their type tag) under {@code "@event"} and
 * its state under {@code "@state"}.
 */
final class StoreValueCodec extends UntypedJson {
  static final String EVENT = "@event";
  static final String STATE = "@state";

  private final CodecRegistry codecs;

  StoreValueCodec(CodecRegistry codecs) {
    this.codecs = codecs;
  }

  @Override
  boolean writeOwn(JsonWriter out, Object value) {
    if (value instanceof Event event && codecs.events().knows(event.getClass())) {
      out.beginObject();
      out.name(EVENT);
      codecs.events().write(out, event);
      out.endObject();
      return true;
    }
    var state = codecs.state().orElse(null);
    if (state != null && state.type().isInstance(value)) {
      out.beginObject();
      out.name(STATE);
      writeState(out, state, value);
      out.endObject();
      return true;
    }
    return false;
  }

  private static <S> void writeState(JsonWriter out, CodecRegistry.StateCodec<S> state, Object value) {
    state.codec().write(out, state.type().cast(value));
  }

  @Override
  boolean isOwnTag(String name) {
    return name.equals(EVENT) || name.equals(STATE);
  }

  @Override
  Object readOwn(JsonReader in, String tag) {
    if (tag.equals(EVENT)) {
      return in.read(codecs.events());
    }
    return in.read(codecs.state().orElseThrow(() -> in.fail("workflow '" + codecs.workflow()
        + "' has no state type, yet the store holds one")).codec());
  }
}
