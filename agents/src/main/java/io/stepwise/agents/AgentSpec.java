package io.stepwise.agents;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What every kind of agent has: name, description, prompt, tools, handoff targets. */
record AgentSpec(String name, String description, String systemPrompt, List<AgentTool> tools, List<String> canHandoffTo) {
  AgentSpec {
    tools = List.copyOf(tools);
    canHandoffTo = List.copyOf(canHandoffTo);
  }

  /** The fields every agent builder shares. */
  abstract static class Builder<B extends Builder<B>> {
    private String name;
    private String description = "";
    private String systemPrompt = "";
    private final List<AgentTool> tools = new ArrayList<>();
    private final List<String> canHandoffTo = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    /** The agent's name: letters, digits, '-' and '_'; others hand off to it by this name. */
    public B name(String name) {
      this.name = name;
      return self();
    }

    /** What the agent does, for the agents that may hand off to it. */
    public B description(String description) {
      this.description = description;
      return self();
    }

    /** The instructions sent before the conversation. */
    public B systemPrompt(String systemPrompt) {
      this.systemPrompt = systemPrompt;
      return self();
    }

    /** Adds tools. */
    public B tools(AgentTool... tools) {
      this.tools.addAll(List.of(tools));
      return self();
    }

    /** Adds tools. */
    public B tools(List<? extends AgentTool> tools) {
      this.tools.addAll(tools);
      return self();
    }

    /** The agents this one may hand off to. */
    public B canHandoffTo(String... agents) {
      this.canHandoffTo.addAll(List.of(agents));
      return self();
    }

    AgentSpec spec() {
      if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
        throw new IllegalArgumentException("Agent name '" + name
            + "' is not allowed. Use 1 to 64 letters, digits, '-' or '_' (models see it in the handoff tool).");
      }
      Set<String> seen = new HashSet<>();
      for (AgentTool tool : tools) {
        if (tool.name().equals(Handoff.TOOL_NAME)) {
          throw new IllegalArgumentException("Agent '" + name + "' has a tool named '" + Handoff.TOOL_NAME
              + "', the built-in handoff tool's name. Rename the tool.");
        }
        if (!seen.add(tool.name())) {
          throw new IllegalArgumentException("Agent '" + name + "' has two tools named '" + tool.name()
              + "'. Give each tool its own name.");
        }
      }
      return new AgentSpec(name, description == null ? "" : description, systemPrompt == null ? "" : systemPrompt,
          tools, canHandoffTo);
    }
  }
}
