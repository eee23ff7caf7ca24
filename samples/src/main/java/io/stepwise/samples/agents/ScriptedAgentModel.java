package io.stepwise.samples.agents;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A scripted stand-in for a tool-calling model, so the agent samples run offline: a function of
 * the conversation decides the next reply (tool calls or text). It reads the tool results the
 * agents got, so what it says follows what the tools returned; it understands nothing else.
 */
final class ScriptedAgentModel implements ChatModel {
  private final Function<Conversation, AiMessage> script;

  ScriptedAgentModel(Function<Conversation, AiMessage> script) {
    this.script = script;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    return ChatResponse.builder().aiMessage(script.apply(new Conversation(request.messages()))).build();
  }

  static AiMessage call(String id, String tool, String arguments) {
    return AiMessage.from(ToolExecutionRequest.builder().id(id).name(tool).arguments(arguments).build());
  }

  /** What the script may look at: the system prompt and the tool results so far. */
  record Conversation(List<ChatMessage> messages) {
    String systemPrompt() {
      return messages.stream().filter(SystemMessage.class::isInstance).map(m -> ((SystemMessage) m).text())
          .findFirst().orElse("");
    }

    /** The latest result of {@code tool}, if it was called. */
    Optional<String> result(String tool) {
      return messages.reversed().stream().filter(ToolExecutionResultMessage.class::isInstance)
          .map(ToolExecutionResultMessage.class::cast).filter(m -> m.toolName().equals(tool))
          .map(ToolExecutionResultMessage::text).findFirst();
    }
  }
}
