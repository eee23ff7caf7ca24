package io.stepwise.agents;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An agent for models without tool calling (LlamaIndex: {@code ReActAgent}): the tools are
 * described in the system prompt, the model writes {@code Thought:}, {@code Action:} and
 * {@code Action Input:} lines, or {@code Answer:}; each tool result goes back as an
 * {@code Observation:} message. A reply in neither shape is answered with an observation that says
 * what was expected, and the model tries again (it counts against the iteration limit).
 */
public final class ReActAgent extends SpecifiedAgent {
  private final ChatModel model;

  private ReActAgent(AgentSpec spec, ChatModel model) {
    super(spec);
    this.model = model;
  }

  /** Starts a ReAct agent. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ModelTurn respond(List<AgentMessage> memory, List<ToolSpecification> tools, Consumer<String> deltas) {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(ReActFormat.systemPrompt(spec.systemPrompt(), tools)));
    for (AgentMessage message : memory) {
      messages.add(switch (message.role()) {
        case USER -> UserMessage.from(message.text());
        case ASSISTANT -> AiMessage.from(ReActFormat.asText(message));
        case TOOL -> UserMessage.from(ReActFormat.OBSERVATION + " " + message.text());
      });
    }
    String reply = model.chat(ChatRequest.builder().messages(messages).build()).aiMessage().text();
    return ReActFormat.parse(reply == null ? "" : reply, memory.size());
  }

  /** Builds a {@link ReActAgent}; name and model are required. */
  public static final class Builder extends AgentSpec.Builder<Builder> {
    private ChatModel model;

    private Builder() {}

    /** The model; it needs no tool calling, only to follow the format. */
    public Builder model(ChatModel model) {
      this.model = model;
      return this;
    }

    public ReActAgent build() {
      AgentSpec spec = spec();
      if (model == null) {
        throw new IllegalArgumentException("ReActAgent '" + spec.name() + "' has no model. Call model(chatModel).");
      }
      return new ReActAgent(spec, model);
    }
  }
}
