package io.stepwise.internal.snapshot;

import io.stepwise.Event;
import io.stepwise.internal.loop.LoopImage;
import io.stepwise.spi.CodecRegistry;
import io.stepwise.spi.JsonReader;
import io.stepwise.spi.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonToken;

/**
 * An execution's {@code "progress"}: what it had done at the cut, which its re-run replays (see
 * {@link LoopImage.Progress}). Written only when there is any, so the snapshots of executions
 * that only compute keep their shape.
 */
final class ProgressSection {
  static final String NAME = "progress";

  private final CodecRegistry codecs;

  ProgressSection(CodecRegistry codecs) {
    this.codecs = codecs;
  }

  void write(JsonWriter out, LoopImage.Progress progress) {
    out.name(NAME);
    out.beginObject();
    out.name("sent");
    out.value(progress.sent());
    out.name("written");
    out.value(progress.written());
    out.name("collects");
    out.beginArray();
    for (List<Event> answer : progress.collects()) {
      if (answer == null) {
        out.nullValue();
      } else {
        writeEvents(out, answer);
      }
    }
    out.endArray();
    out.name("waits");
    out.beginArray();
    for (Event took : progress.waits()) {
      if (took == null) {
        out.nullValue();
      } else {
        out.write(codecs.events(), took);
      }
    }
    out.endArray();
    out.name("offered");
    writeEvents(out, progress.offered());
    if (progress.openWait() != null) {
      out.name("openWait");
      out.value(progress.openWait());
    }
    out.endObject();
  }

  LoopImage.Progress read(JsonReader in) {
    int sent = 0;
    int written = 0;
    List<List<Event>> collects = new ArrayList<>();
    List<Event> waits = new ArrayList<>();
    List<Event> offered = List.of();
    String openWait = null;
    in.beginObject();
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "sent" -> sent = count(in, "sent");
        case "written" -> written = count(in, "written");
        case "collects" -> {
          in.beginArray();
          while (in.nextElement()) {
            collects.add(isNull(in) ? null : events(in));
          }
        }
        case "waits" -> {
          in.beginArray();
          while (in.nextElement()) {
            waits.add(isNull(in) ? null : event(in));
          }
        }
        case "offered" -> offered = events(in);
        case "openWait" -> openWait = in.readString();
        default -> in.skipValue();
      }
    }
    return new LoopImage.Progress(sent, written, collects, waits, offered, openWait);
  }

  private void writeEvents(JsonWriter out, List<Event> events) {
    out.beginArray();
    for (Event event : events) {
      out.write(codecs.events(), event);
    }
    out.endArray();
  }

  private static boolean isNull(JsonReader in) {
    return in.parser().currentToken() == JsonToken.VALUE_NULL;
  }

  private Event event(JsonReader in) {
    Event event = in.read(codecs.events());
    if (event == null) {
      throw in.fail("expected an event, found null");
    }
    return event;
  }

  private List<Event> events(JsonReader in) {
    List<Event> events = new ArrayList<>();
    in.beginArray();
    while (in.nextElement()) {
      events.add(event(in));
    }
    return events;
  }

  private static int count(JsonReader in, String what) {
    int value = in.readInt();
    if (value < 0) {
      throw in.fail(what + " must not be negative");
    }
    return value;
  }
}
