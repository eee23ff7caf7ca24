package io.stepwise.spi;

import io.stepwise.Event;
import io.stepwise.EventsDropped;
import io.stepwise.MapStartEvent;
import io.stepwise.RestoredException;
import io.stepwise.ResultEvent;
import io.stepwise.StepFailedEvent;
import io.stepwise.WorkflowCancelledEvent;
import io.stepwise.WorkflowFailedEvent;
import io.stepwise.WorkflowIdleEvent;
import io.stepwise.WorkflowTimedOutEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Hand-written codecs for the runtime's own events, which every workflow can emit or accept. */
final class BuiltInEvents {
  private static final JsonCodec<List<String>> STRINGS = JsonContainers.listOf(JsonCodecs.STRING);
  private static final JsonCodec<Map<String, Object>> DATA = JsonContainers.mapOf(UntypedJson.INSTANCE);

  private BuiltInEvents() {}

  /** Adds the built-in events; {@code anyEvent} writes a {@link StepFailedEvent}'s input with its tag. */
  static void addTo(TaggedCodec.Builder<Event> events, JsonCodec<Event> anyEvent) {
    events.add(StepFailedEvent.class, "io.stepwise.StepFailedEvent", stepFailed(anyEvent));
    events.add(WorkflowFailedEvent.class, "io.stepwise.WorkflowFailedEvent", WORKFLOW_FAILED);
    events.add(WorkflowTimedOutEvent.class, "io.stepwise.WorkflowTimedOutEvent", TIMED_OUT);
    events.add(WorkflowCancelledEvent.class, "io.stepwise.WorkflowCancelledEvent", CANCELLED);
    events.add(MapStartEvent.class, "io.stepwise.MapStartEvent", MAP_START);
    events.add(ResultEvent.class, "io.stepwise.ResultEvent", RESULT);
    events.add(EventsDropped.class, "io.stepwise.EventsDropped", EVENTS_DROPPED);
    events.add(WorkflowIdleEvent.class, "io.stepwise.WorkflowIdleEvent", IDLE);
  }

  /** The error is kept as its type name and message; it reads back as a {@link RestoredException}. */
  private static ObjectCodec<StepFailedEvent> stepFailed(JsonCodec<Event> anyEvent) {
    return new ObjectCodec<>() {
      @Override
      public void writeFields(JsonWriter out, StepFailedEvent value) {
        out.name("step");
        out.write(JsonCodecs.STRING, value.step());
        out.name("input");
        out.write(anyEvent, value.input());
        out.name("errorType");
        out.write(JsonCodecs.STRING, value.error() == null ? null : value.error().getClass().getName());
        out.name("errorMessage");
        out.write(JsonCodecs.STRING, value.error() == null ? null : value.error().getMessage());
        out.name("attempts");
        out.value(value.attempts());
        out.name("elapsed");
        out.write(JsonCodecs.DURATION, value.elapsed());
      }

      @Override
      public StepFailedEvent readFields(JsonReader in) {
        String step = null;
        Event input = null;
        String errorType = null;
        String errorMessage = null;
        int attempts = 0;
        Duration elapsed = null;
        for (String field; (field = in.nextField()) != null; ) {
          switch (field) {
            case "step" -> step = in.read(JsonCodecs.STRING);
            case "input" -> input = in.read(anyEvent);
            case "errorType" -> errorType = in.read(JsonCodecs.STRING);
            case "errorMessage" -> errorMessage = in.read(JsonCodecs.STRING);
            case "attempts" -> attempts = in.readInt();
            case "elapsed" -> elapsed = in.read(JsonCodecs.DURATION);
            default -> in.skipValue();
          }
        }
        var error = errorType == null ? null : new RestoredException(errorType, errorMessage);
        return new StepFailedEvent(step, input, error, attempts, elapsed);
      }
    };
  }

  private static final ObjectCodec<WorkflowFailedEvent> WORKFLOW_FAILED = new ObjectCodec<>() {
    @Override
    public void writeFields(JsonWriter out, WorkflowFailedEvent value) {
      out.name("step");
      out.write(JsonCodecs.STRING, value.step());
      out.name("errorType");
      out.write(JsonCodecs.STRING, value.errorType());
      out.name("message");
      out.write(JsonCodecs.STRING, value.message());
    }

    @Override
    public WorkflowFailedEvent readFields(JsonReader in) {
      String step = null;
      String errorType = null;
      String message = null;
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "step" -> step = in.read(JsonCodecs.STRING);
          case "errorType" -> errorType = in.read(JsonCodecs.STRING);
          case "message" -> message = in.read(JsonCodecs.STRING);
          default -> in.skipValue();
        }
      }
      return new WorkflowFailedEvent(step, errorType, message);
    }
  };

  private static final ObjectCodec<WorkflowTimedOutEvent> TIMED_OUT = new ObjectCodec<>() {
    @Override
    public void writeFields(JsonWriter out, WorkflowTimedOutEvent value) {
      out.name("timeout");
      out.write(JsonCodecs.DURATION, value.timeout());
      out.name("activeSteps");
      out.write(STRINGS, value.activeSteps());
    }

    @Override
    public WorkflowTimedOutEvent readFields(JsonReader in) {
      Duration timeout = null;
      List<String> activeSteps = List.of();
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "timeout" -> timeout = in.read(JsonCodecs.DURATION);
          case "activeSteps" -> activeSteps = in.read(STRINGS);
          default -> in.skipValue();
        }
      }
      return new WorkflowTimedOutEvent(timeout, activeSteps == null ? List.of() : activeSteps);
    }
  };

  private static final ObjectCodec<WorkflowCancelledEvent> CANCELLED = new ObjectCodec<>() {
    @Override
    public void writeFields(JsonWriter out, WorkflowCancelledEvent value) {}

    @Override
    public WorkflowCancelledEvent readFields(JsonReader in) {
      while (in.nextField() != null) {
        in.skipValue();
      }
      return new WorkflowCancelledEvent();
    }
  };

  /** No fields, like the Python library's: that the run rests is all it says. */
  private static final ObjectCodec<WorkflowIdleEvent> IDLE = new ObjectCodec<>() {
    @Override
    public void writeFields(JsonWriter out, WorkflowIdleEvent value) {}

    @Override
    public WorkflowIdleEvent readFields(JsonReader in) {
      while (in.nextField() != null) {
        in.skipValue();
      }
      return new WorkflowIdleEvent();
    }
  };

  private static final ObjectCodec<MapStartEvent> MAP_START = new ObjectCodec<>() {
    @Override
    public void writeFields(JsonWriter out, MapStartEvent value) {
      out.name("data");
      out.write(DATA, value.data());
    }

    @Override
    public MapStartEvent readFields(JsonReader in) {
      Map<String, Object> data = Map.of();
      for (String field; (field = in.nextField()) != null; ) {
        if (field.equals("data")) {
          data = in.read(DATA);
        } else {
          in.skipValue();
        }
      }
      return new MapStartEvent(data == null ? Map.of() : data);
    }
  };

  private static final ObjectCodec<ResultEvent> RESULT = new ObjectCodec<>() {
    @Override
    public void writeFields(JsonWriter out, ResultEvent value) {
      out.name("result");
      out.write(UntypedJson.INSTANCE, value.result());
    }

    @Override
    public ResultEvent readFields(JsonReader in) {
      Object result = null;
      for (String field; (field = in.nextField()) != null; ) {
        if (field.equals("result")) {
          result = in.read(UntypedJson.INSTANCE);
        } else {
          in.skipValue();
        }
      }
      return new ResultEvent(result);
    }
  };

  private static final ObjectCodec<EventsDropped> EVENTS_DROPPED = new ObjectCodec<>() {
    @Override
    public void writeFields(JsonWriter out, EventsDropped value) {
      out.name("count");
      out.value(value.count());
    }

    @Override
    public EventsDropped readFields(JsonReader in) {
      long count = 0;
      for (String field; (field = in.nextField()) != null; ) {
        if (field.equals("count")) {
          count = in.readLong();
        } else {
          in.skipValue();
        }
      }
      return new EventsDropped(count);
    }
  };
}
