package io.stepwise.agents;

import dev.langchain4j.agent.tool.ToolSpecification;
import java.time.Duration;
import java.util.Optional;

/**
 * A tool an agent can call: its specification, as the model sees it, and its code.
 *
 * <p>Tools are typed objects rather than {@code @Tool}-annotated methods: LangChain4j finds those
 * by reflection ({@code ToolSpecifications.toolSpecificationsFrom}) and calls them through
 * {@code Method.invoke}, which a native image must be told about and which Stepwise keeps out of
 * everything it runs. {@link AgentTools#tool} builds one from a specification and a lambda.
 */
public interface AgentTool {
  /** The name, description and JSON Schema of the parameters that the model sees. */
  ToolSpecification specification();

  /**
   * Runs the tool. An exception is not fatal: its message goes back to the model as the tool's
   * result, marked as an error, and the agent carries on.
   *
   * @return the text the model reads
   */
  String call(ToolInput input) throws Exception;

  /**
   * How long one call may take, or empty for the workflow's default
   * ({@link AgentWorkflow.Builder#toolTimeout}). {@link Duration#ZERO} means no limit: use it for
   * tools that {@link ToolInput#ask ask a person}.
   */
  default Optional<Duration> timeout() {
    return Optional.empty();
  }

  /** The tool's name, from its specification. */
  default String name() {
    return specification().name();
  }
}
