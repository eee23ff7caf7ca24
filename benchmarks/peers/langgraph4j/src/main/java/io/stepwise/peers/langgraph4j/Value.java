package io.stepwise.peers.langgraph4j;

import java.util.Map;
import org.bsc.langgraph4j.state.AgentState;

/** The graphs' state: one integer, plus whatever channels a shape adds. */
public class Value extends AgentState {
  public Value(Map<String, Object> data) {
    super(data);
  }

  public int value() {
    return this.<Integer>value("value").orElse(0);
  }

  public boolean approved() {
    return this.<Boolean>value("approved").orElse(false);
  }
}
