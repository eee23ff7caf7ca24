package io.stepwise.agents;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.stepwise.CompiledWorkflow;
import io.stepwise.Context;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agents that call tools in a loop and hand off to each other (LlamaIndex: {@code AgentWorkflow};
 * one agent alone is LlamaIndex's {@code FunctionAgent} or {@code ReActAgent} run by itself). It is
 * an ordinary {@code @Workflow}: the processor checks its graph and writes its codecs, so a run
 * streams typed events, snapshots, resumes and lives in a run store like any other.
 *
 * <pre>{@code
 * AgentInput -> start -> AgentTurn -> think -> ToolCallsRequested -> act -> AgentTurn
 *                                           \-> FinalAnswer -> finish -> AgentResult
 *                                           \-> AgentTurn (an unreadable ReAct reply: ask again)
 * }</pre>
 *
 * <p>Stream: {@link AgentStream} (deltas of a streaming model), {@link AgentOutput} (each model
 * turn), {@link ToolCall} and {@link ToolCallResult} (each tool call), {@link AgentHandoff},
 * {@link ToolInputRequired} (a tool asks a person), then the {@link AgentResult}.
 */
@Workflow(name = "agent-workflow", timeout = "0s") // people answer tools' questions in their own time
public class AgentWorkflow {
  private final Map<String, Agent> agents;
  private final String root;
  private final int maxIterations;
  private final Duration toolTimeout;
  private final int maxMessages;

  private AgentWorkflow(Builder b) {
    this.agents = b.agents;
    this.root = b.root;
    this.maxIterations = b.maxIterations;
    this.toolTimeout = b.toolTimeout;
    this.maxMessages = b.maxMessages;
  }

  /** Starts a workflow of one or more agents. */
  public static Builder builder() {
    return new Builder();
  }

  /** A workflow of one agent (LlamaIndex: running a {@code FunctionAgent} or {@code ReActAgent} by itself). */
  public static AgentWorkflow of(Agent agent) {
    return builder().agents(agent).build();
  }

  /** The compiled workflow, ready to run. */
  public CompiledWorkflow<AgentInput, AgentResult> compile() {
    return AgentWorkflow_Workflow.of(this);
  }

  /** The agents by name, in the order given. */
  public Map<String, Agent> agents() {
    return agents;
  }

  /** The agent that answers first. */
  public String root() {
    return root;
  }

  @Step
  AgentTurn start(AgentInput input, Context<AgentState> ctx) {
    ctx.editState(s -> {
      s.memory = List.of(AgentMessage.user(input.message()));
      s.currentAgent = root;
      s.shared = input.state();
      s.modelCalls = 0;
    });
    return new AgentTurn(0);
  }

  @Step(workers = 1)
  ModelDecision think(AgentTurn turn, Context<AgentState> ctx) {
    AgentState state = ctx.state();
    Agent agent = agents.get(state.currentAgent);
    if (agent == null) {
      throw new IllegalStateException("The run's current agent '" + state.currentAgent + "' is not one of this"
          + " workflow's agents " + agents.keySet() + ". Resume the run with an AgentWorkflow that has the agents"
          + " it started with.");
    }
    if (turn.round() >= maxIterations) {
      throw new AgentLimitException("The agents made " + turn.round() + " model calls without a final answer"
          + " (agent '" + agent.name() + "' was answering). Raise AgentWorkflow.builder().maxIterations("
          + maxIterations + "), or give the agents tools and prompts that let them finish.");
    }
    StringBuilder soFar = new StringBuilder();
    ModelTurn reply = agent.respond(window(state.memory), toolSpecifications(agent), delta -> {
      soFar.append(delta);
      ctx.writeEventToStream(new AgentStream(agent.name(), delta, soFar.toString()));
    });
    List<AgentMessage> added = new ArrayList<>();
    added.add(AgentMessage.assistant(agent.name(), reply.transcript(), reply.calls()));
    if (reply.problem() != null) {
      // A user message, not a tool message: no call id to answer, and any agent's model may read it later.
      added.add(AgentMessage.user(ReActFormat.OBSERVATION + " Error: " + reply.problem()));
    }
    ctx.editState(s -> {
      s.memory = appended(s.memory, added);
      s.modelCalls = s.modelCalls + 1;
    });
    ctx.writeEventToStream(new AgentOutput(agent.name(), reply.transcript(), reply.calls()));
    if (reply.problem() != null) {
      return new AgentTurn(turn.round() + 1);
    }
    if (!reply.calls().isEmpty()) {
      return new ToolCallsRequested(agent.name(), reply.calls(), turn.round());
    }
    return new FinalAnswer(agent.name(), reply.answer());
  }

  /**
   * Runs the calls in order. Their messages reach the memory together at the end: a run resumed
   * while a tool waits for a person runs this step again from the start, and must not find half
   * of its results already in memory.
   */
  @Step(workers = 1)
  AgentTurn act(ToolCallsRequested request, Context<AgentState> ctx) {
    Agent agent = agents.get(request.agent());
    List<AgentMessage> results = new ArrayList<>();
    String handedTo = null;
    for (RequestedCall call : request.calls()) {
      ctx.writeEventToStream(new ToolCall(agent.name(), call.id(), call.name(), call.arguments()));
      ToolRunner.Outcome outcome;
      if (call.name().equals(Handoff.TOOL_NAME) && !agent.canHandoffTo().isEmpty()) {
        outcome = handoff(agent, call);
        if (!outcome.error()) {
          handedTo = JsonArguments.parse(call.arguments()).get("to_agent").toString();
          ctx.writeEventToStream(new AgentHandoff(agent.name(), handedTo,
              String.valueOf(JsonArguments.parse(call.arguments()).get("reason"))));
        }
      } else {
        Optional<AgentTool> tool = agent.tools().stream().filter(t -> t.name().equals(call.name())).findFirst();
        if (tool.isEmpty()) {
          outcome = new ToolRunner.Outcome("Error: there is no tool named '" + call.name() + "'. Tools: "
              + toolSpecifications(agent).stream().map(ToolSpecification::name).sorted().toList() + ".", true);
        } else {
          Map<String, Object> arguments;
          try {
            arguments = JsonArguments.parse(call.arguments());
          } catch (IllegalArgumentException e) {
            arguments = null;
          }
          if (arguments == null) {
            outcome = new ToolRunner.Outcome("Error: the arguments of '" + call.name()
                + "' are not a JSON object: " + call.arguments(), true);
          } else {
            ToolInput input = new CallInput(agent.name(), call, arguments, sharedState(ctx),
                question -> ctx.waitForEvent(ToolInputResponse.class,
                    new ToolInputRequired(agent.name(), call.id(), call.name(), question),
                    answer -> answer.callId().equals(call.id()), Duration.ZERO).answer());
            outcome = ToolRunner.run(tool.get(), input, tool.get().timeout().orElse(toolTimeout));
          }
        }
      }
      ctx.writeEventToStream(new ToolCallResult(agent.name(), call.id(), call.name(), call.arguments(),
          outcome.output(), outcome.error()));
      results.add(AgentMessage.tool(agent.name(), call, outcome.output()));
    }
    String next = handedTo;
    ctx.editState(s -> {
      s.memory = appended(s.memory, results);
      if (next != null) {
        s.currentAgent = next;
      }
    });
    return new AgentTurn(request.round() + 1);
  }

  @Step
  AgentResult finish(FinalAnswer answer, Context<AgentState> ctx) {
    AgentState state = ctx.state();
    return new AgentResult(answer.agent(), answer.text(), state.shared, state.modelCalls);
  }

  private ToolRunner.Outcome handoff(Agent from, RequestedCall call) {
    Map<String, Object> arguments;
    try {
      arguments = JsonArguments.parse(call.arguments());
    } catch (IllegalArgumentException e) {
      return new ToolRunner.Outcome("Error: " + e.getMessage(), true);
    }
    Object to = arguments.get("to_agent");
    if (!(to instanceof String target) || !from.canHandoffTo().contains(target)) {
      return new ToolRunner.Outcome("Error: agent '" + from.name() + "' cannot hand off to '" + to
          + "'. It can hand off to " + from.canHandoffTo() + ".", true);
    }
    return new ToolRunner.Outcome(Handoff.output(target, String.valueOf(arguments.get("reason"))), false);
  }

  private List<ToolSpecification> toolSpecifications(Agent agent) {
    List<ToolSpecification> specs = new ArrayList<>();
    agent.tools().forEach(t -> specs.add(t.specification()));
    if (!agent.canHandoffTo().isEmpty()) {
      specs.add(Handoff.specification(agent, agents));
    }
    return specs;
  }

  private static ToolInput.SharedState sharedState(Context<AgentState> ctx) {
    return new ToolInput.SharedState() {
      @Override
      public Optional<String> get(String key) {
        return Optional.ofNullable(ctx.state().shared.get(key));
      }

      @Override
      public void put(String key, String value) {
        ctx.editState(s -> {
          Map<String, String> next = new LinkedHashMap<>(s.shared);
          next.put(key, value);
          s.shared = Map.copyOf(next);
        });
      }
    };
  }

  /**
   * The last {@code maxMessages} messages, starting at a user message or an assistant message so
   * that no tool result is sent without the call it answers (LangChain4j's
   * {@code MessageWindowChatMemory} keeps the same rule). The whole memory stays in the state.
   */
  private List<AgentMessage> window(List<AgentMessage> memory) {
    if (maxMessages <= 0 || memory.size() <= maxMessages) {
      return memory;
    }
    int from = memory.size() - maxMessages;
    while (from < memory.size() && memory.get(from).role() == AgentMessage.Role.TOOL) {
      from++;
    }
    return memory.subList(from, memory.size());
  }

  private static <T> List<T> appended(List<T> list, List<T> more) {
    List<T> next = new ArrayList<>(list);
    next.addAll(more);
    return List.copyOf(next);
  }

  /** Builds an {@link AgentWorkflow}: its agents, the root, and the limits. */
  public static final class Builder {
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private String root;
    private int maxIterations = 20;
    private Duration toolTimeout = Duration.ofSeconds(60);
    private int maxMessages;

    private Builder() {}

    /** Adds agents; the first is the root unless {@link #root} names another. */
    public Builder agents(Agent... agents) {
      for (Agent agent : agents) {
        if (this.agents.putIfAbsent(agent.name(), agent) != null) {
          throw new IllegalArgumentException("Two agents are named '" + agent.name() + "'. Give each its own name.");
        }
      }
      return this;
    }

    /** The agent that answers the user first. */
    public Builder root(String name) {
      this.root = name;
      return this;
    }

    /** Model calls a run may make, over all agents, before it fails with {@link AgentLimitException}; default 20. */
    public Builder maxIterations(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxIterations must be at least 1, got " + max + ".");
      }
      this.maxIterations = max;
      return this;
    }

    /**
     * How long a tool call may take unless the tool says otherwise ({@link AgentTool#timeout()});
     * default 60 s; {@link Duration#ZERO} for no limit. A call that overruns is interrupted and the
     * model reads that it timed out.
     */
    public Builder toolTimeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("toolTimeout must not be negative, got " + timeout + ".");
      }
      this.toolTimeout = timeout;
      return this;
    }

    /** Sends the model only the last {@code max} messages (0, the default: all). */
    public Builder maxMessages(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxMessages must not be negative, got " + max + ".");
      }
      this.maxMessages = max;
      return this;
    }

    public AgentWorkflow build() {
      if (agents.isEmpty()) {
        throw new IllegalArgumentException("An AgentWorkflow needs at least one agent. Call agents(...).");
      }
      if (root == null) {
        root = agents.keySet().iterator().next();
      } else if (!agents.containsKey(root)) {
        throw new IllegalArgumentException("The root agent '" + root + "' is not one of the agents "
            + agents.keySet() + ". Name one of them, or add it with agents(...).");
      }
      for (Agent agent : agents.values()) {
        for (String target : agent.canHandoffTo()) {
          if (!agents.containsKey(target) || target.equals(agent.name())) {
            throw new IllegalArgumentException("Agent '" + agent.name() + "' may hand off to '" + target
                + "', which is " + (target.equals(agent.name()) ? "itself" : "not one of the agents " + agents.keySet())
                + ". Name another agent of the workflow.");
          }
        }
      }
      return new AgentWorkflow(this);
    }
  }
}
