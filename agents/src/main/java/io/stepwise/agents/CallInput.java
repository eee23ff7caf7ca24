package io.stepwise.agents;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The {@link ToolInput} of one call, wired to the run by {@link AgentWorkflow}. */
final class CallInput implements ToolInput {
  private final String agent;
  private final RequestedCall call;
  private final Map<String, Object> arguments;
  private final SharedState state;
  private final UnaryOperator<String> asker;

  CallInput(String agent, RequestedCall call, Map<String, Object> arguments, SharedState state,
      UnaryOperator<String> asker) {
    this.agent = agent;
    this.call = call;
    this.arguments = arguments;
    this.state = state;
    this.asker = asker;
  }

  @Override
  public String agent() {
    return agent;
  }

  @Override
  public String callId() {
    return call.id();
  }

  @Override
  public String argumentsJson() {
    return call.arguments();
  }

  @Override
  public Map<String, Object> arguments() {
    return arguments;
  }

  @Override
  public String string(String name) {
    if (arguments.get(name) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(problem(name, "a string"));
  }

  @Override
  public BigDecimal number(String name) {
    Object value = arguments.get(name);
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof String s) {
      try {
        return new BigDecimal(s.trim()); // models sometimes quote numbers
      } catch (NumberFormatException e) {
        // fall through to the message
      }
    }
    throw new IllegalArgumentException(problem(name, "a number"));
  }

  private String problem(String name, String kind) {
    return arguments.containsKey(name)
        ? "argument '" + name + "' must be " + kind + ", got " + arguments.get(name)
        : "argument '" + name + "' is missing; the call had " + arguments.keySet().stream().sorted().toList();
  }

  @Override
  public SharedState state() {
    return state;
  }

  @Override
  public String ask(String question) {
    return asker.apply(question);
  }
}
