package io.stepwise.agents;

import java.util.List;
import java.util.Map;

/**
 * The state of an agent run: the conversation, which agent answers, and the shared state. It is
 * written into every snapshot and checkpoint, so a resumed run goes on with the same memory.
 * Fields are replaced, never mutated: decoded lists and maps are unmodifiable.
 */
public class AgentState {
  /** The conversation so far, oldest first. */
  public List<AgentMessage> memory = List.of();
  /** The agent that answers next. */
  public String currentAgent = "";
  /** The shared state tools read and write. */
  public Map<String, String> shared = Map.of();
  /** Model calls so far, over every agent. */
  public int modelCalls;
}
