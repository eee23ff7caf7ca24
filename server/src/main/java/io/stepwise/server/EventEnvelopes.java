package io.stepwise.server;

import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.JsonDecodingException;
import io.stepwise.StartEvent;
import io.stepwise.StepStateChanged;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowIdleEvent;
import io.stepwise.WorkflowJson;
import io.stepwise.spi.CodecRegistry;
import io.stepwise.spi.TaggedCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One workflow's events as the protocol's envelopes: {@code {"value", "qualified_name", "type",
 * "types"}} out, {@code {"type", "value"}} (or a bare value for the start event) in. Both ways go
 * through the workflow's generated codecs, so only its own event types ever decode.
 */
final class EventEnvelopes {
  private final WorkflowJson json;
  private final Map<String, String> tagsByName = new TreeMap<>(); // "JokeEvent" and "com.acme.JokeEvent" -> tag

  EventEnvelopes(CodecRegistry registry, WorkflowJson json) {
    this.json = json;
    for (String tag : registry.events().tags()) {
      tagsByName.putIfAbsent(simpleName(tag), tag);
      tagsByName.put(tag, tag);
    }
  }

  static String simpleName(String tag) {
    return tag.substring(tag.lastIndexOf('.') + 1);
  }

  /** The envelope of an event the run published. */
  Map<String, Object> envelope(Event event) {
    if (event instanceof StepStateChanged changed) {
      return stepState(changed);
    }
    Map<String, Object> fields = JsonTree.asObject(JsonTree.parse(json.write(event)));
    String tag = (String) fields.remove(TaggedCodec.TAG);
    var envelope = new LinkedHashMap<String, Object>();
    envelope.put("value", fields);
    envelope.put("qualified_name", tag);
    envelope.put("type", simpleName(tag));
    envelope.put("types", roles(event));
    return envelope;
  }

  /**
   * The protocol's names for the roles an event plays, as the Python server lists an event's base
   * classes: clients such as the debugger recognise stop and input-required events by them.
   */
  static List<String> roles(Event event) {
    var roles = new ArrayList<String>();
    if (event instanceof StartEvent) {
      roles.add("StartEvent");
    }
    if (event instanceof StopEvent) {
      roles.add("StopEvent");
    }
    if (event instanceof InputRequiredEvent) {
      roles.add("InputRequiredEvent");
    }
    if (event instanceof HumanResponseEvent) {
      roles.add("HumanResponseEvent");
    }
    if (event instanceof WorkflowIdleEvent) {
      roles.add("InternalDispatchEvent"); // as Python's WorkflowIdleEvent(InternalDispatchEvent)
    }
    return roles.isEmpty() ? null : roles;
  }

  /** Step state changes as the Python library's internal {@code StepStateChanged}. */
  private static Map<String, Object> stepState(StepStateChanged changed) {
    var value = new LinkedHashMap<String, Object>();
    value.put("name", changed.step());
    value.put("step_state", switch (changed.status()) {
      case QUEUED -> "preparing";
      case RUNNING -> "running";
      case FINISHED, FAILED -> "not_running";
    });
    value.put("worker_id", changed.worker() < 0 ? "" : Integer.toString(changed.worker()));
    value.put("input_event_name", String.join(",", changed.inputs()));
    value.put("output_event_name", changed.outputs().isEmpty() ? null : String.join(",", changed.outputs()));
    value.put("status", changed.status().name().toLowerCase(java.util.Locale.ROOT));
    value.put("attempt", changed.attempt());
    var envelope = new LinkedHashMap<String, Object>();
    envelope.put("value", value);
    envelope.put("qualified_name", "io.stepwise.StepStateChanged");
    envelope.put("type", "StepStateChanged");
    envelope.put("types", List.of("InternalDispatchEvent"));
    return envelope;
  }

  /** Whether an envelope is of an internal event, left out of streams unless asked for. */
  static boolean isInternal(Map<String, Object> envelope) {
    return envelope.get("types") instanceof List<?> types && types.contains("InternalDispatchEvent");
  }

  /**
   * Decodes an event a client sent, as the Python server's {@code EventEnvelope.parse} does: a JSON
   * object or a string holding one, with {@code type} (or {@code qualified_name}) and {@code value}
   * (or the legacy {@code data}). With {@code explicitTag}, an object without those is the value of
   * that type (how clients send start events).
   *
   * @throws BadEventException naming what was wrong
   */
  Event read(Object clientData, String explicitTag) {
    Object data = clientData;
    if (data instanceof String text) {
      try {
        data = JsonTree.parse(text);
      } catch (JsonTree.MalformedJsonException e) {
        // Not JSON: falls through to the "must be an object" error below.
      }
    }
    Map<String, Object> object = JsonTree.asObject(data);
    if (object == null) {
      throw new BadEventException("Failed to deserialize event. Must be a json object, or stringified json object");
    }
    if (!object.containsKey("value") && object.containsKey("data")) {
      object = new LinkedHashMap<>(object);
      object.put("value", object.get("data"));
    }
    boolean bare = (!object.containsKey("qualified_name") || !object.containsKey("type")) && !object.containsKey("value");
    String tag;
    Object value;
    if (bare && explicitTag != null) {
      tag = explicitTag;
      value = object;
    } else {
      value = object.get("value");
      tag = tagOf(object);
    }
    Map<String, Object> fields = value == null ? new LinkedHashMap<>() : JsonTree.asObject(value);
    if (fields == null) {
      throw new BadEventException("Failed to deserialize event: the value of a " + simpleName(tag)
          + " must be a JSON object, was " + JsonTree.write(value));
    }
    var tagged = new LinkedHashMap<String, Object>();
    tagged.put(TaggedCodec.TAG, tag);
    if ("io.stepwise.MapStartEvent".equals(tag) && !fields.containsKey("data")) {
      tagged.put("data", fields); // like Python's StartEvent, the bare start event takes any fields
    } else {
      fields.forEach((name, field) -> {
        if (!TaggedCodec.TAG.equals(name)) {
          tagged.put(name, field);
        }
      });
    }
    try {
      return json.read(JsonTree.write(tagged));
    } catch (JsonDecodingException e) {
      throw new BadEventException("Failed to deserialize event: " + e.getMessage());
    }
  }

  private String tagOf(Map<String, Object> object) {
    if (object.get("type") instanceof String type && !type.isEmpty()) {
      String tag = tagsByName.get(type);
      if (tag == null) {
        throw new BadEventException("Invalid event type: " + type + ". Expected one of "
            + String.join(", ", eventNames()));
      }
      return tag;
    }
    if (object.get("qualified_name") instanceof String qualified && !qualified.isEmpty()) {
      String tag = tagsByName.get(qualified);
      if (tag == null || !tag.equals(qualified)) {
        throw new BadEventException("Invalid client data. Qualified name " + qualified
            + " does not correspond to an event of this workflow. Expected one of " + String.join(", ", eventNames()));
      }
      return tag;
    }
    throw new BadEventException("Invalid client data. Must have a type or a qualified name, got "
        + JsonTree.write(object));
  }

  /** The simple names of the workflow's event types, sorted. */
  List<String> eventNames() {
    return tagsByName.keySet().stream().filter(name -> name.indexOf('.') < 0).toList();
  }

  /** An event a client sent could not be decoded; the message says why. */
  static final class BadEventException extends RuntimeException {
    BadEventException(String message) {
      super(message);
    }
  }
}
