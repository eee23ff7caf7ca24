package io.stepwise;

import java.util.Map;

/** An untyped start event carrying named values, for scripts and quick experiments. */
public record MapStartEvent(Map<String, Object> data) implements StartEvent {
  public MapStartEvent {
    data = Map.copyOf(data);
  }

  /** The value stored under {@code key}, or null. */
  public Object get(String key) {
    return data.get(key);
  }
}
