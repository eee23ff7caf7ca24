package io.stepwise.agents;

import java.util.List;

/** What both kinds of agent answer from their {@link AgentSpec}; each adds how it calls its model. */
abstract sealed class SpecifiedAgent implements Agent permits FunctionAgent, ReActAgent {
  final AgentSpec spec;

  SpecifiedAgent(AgentSpec spec) {
    this.spec = spec;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public String description() {
    return spec.description();
  }

  @Override
  public String systemPrompt() {
    return spec.systemPrompt();
  }

  @Override
  public List<AgentTool> tools() {
    return spec.tools();
  }

  @Override
  public List<String> canHandoffTo() {
    return spec.canHandoffTo();
  }
}
