package io.stepwise.agents;

/** An agent run went past one of its limits (LlamaIndex raises the same when max_iterations is hit). */
public final class AgentLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AgentLimitException(String message) {
    super(message);
  }
}
