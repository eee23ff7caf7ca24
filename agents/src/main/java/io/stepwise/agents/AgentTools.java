package io.stepwise.agents;

import dev.langchain4j.agent.tool.ToolSpecification;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Builds {@link AgentTool}s from a specification and a function. */
public final class AgentTools {
  private AgentTools() {}

  /** The code of a tool: arguments in, text for the model out. */
  @FunctionalInterface
  public interface ToolFunction {
    String call(ToolInput input) throws Exception;
  }

  /** A tool with the workflow's default timeout. */
  public static AgentTool tool(ToolSpecification specification, ToolFunction function) {
    return new FunctionTool(specification, function, Optional.empty());
  }

  /** A tool with its own timeout; {@link Duration#ZERO} for none (a tool that asks a person). */
  public static AgentTool tool(ToolSpecification specification, Duration timeout, ToolFunction function) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("Tool '" + specification.name() + "' has a negative timeout " + timeout
          + ". Use a positive duration, or Duration.ZERO for none.");
    }
    return new FunctionTool(specification, function, Optional.of(timeout));
  }

  private record FunctionTool(ToolSpecification specification, ToolFunction function, Optional<Duration> timeout)
      implements AgentTool {
    FunctionTool {
      Objects.requireNonNull(specification, "specification");
      Objects.requireNonNull(function, "function");
    }

    @Override
    public String call(ToolInput input) throws Exception {
      return function.call(input);
    }
  }
}
