package io.stepwise.peers.langgraph4j;

import org.bsc.langgraph4j.serializer.plain_text.jackson.JacksonStateSerializer;

/**
 * LangGraph4j's JSON state serializer for {@link Value}: the library ships the Jackson base class
 * and leaves one subclass per state type to the application.
 */
public final class ValueJsonSerializer extends JacksonStateSerializer<Value> {
  public ValueJsonSerializer() {
    super(Value::new);
  }
}
