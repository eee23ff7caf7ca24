package io.stepwise.agents;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * An agent for models with tool calling (LlamaIndex: {@code FunctionAgent}): the tools go to the
 * model as specifications, and the model answers with tool calls or with text. Given a
 * {@link StreamingChatModel}, its text reaches the run's stream as {@link AgentStream} deltas.
 */
public final class FunctionAgent extends SpecifiedAgent {
  private final ChatModel model;
  private final StreamingChatModel streamingModel;

  private FunctionAgent(AgentSpec spec, ChatModel model, StreamingChatModel streamingModel) {
    super(spec);
    this.model = model;
    this.streamingModel = streamingModel;
  }

  /** Starts a function-calling agent. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ModelTurn respond(List<AgentMessage> memory, List<ToolSpecification> tools, Consumer<String> deltas) {
    ChatRequest.Builder request = ChatRequest.builder().messages(messages(memory));
    if (!tools.isEmpty()) {
      request.toolSpecifications(tools);
    }
    ChatResponse response = streamingModel == null ? model.chat(request.build()) : stream(request.build(), deltas);
    AiMessage reply = response.aiMessage();
    String text = reply.text() == null ? "" : reply.text();
    if (!reply.hasToolExecutionRequests()) {
      return ModelTurn.answer(text, text);
    }
    List<RequestedCall> calls = new ArrayList<>();
    for (ToolExecutionRequest call : reply.toolExecutionRequests()) {
      calls.add(new RequestedCall(call.id() == null ? "" : call.id(), call.name(), call.arguments()));
    }
    return ModelTurn.calls(text, calls);
  }

  private ChatResponse stream(ChatRequest request, Consumer<String> deltas) {
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    streamingModel.chat(request, new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String delta) {
        deltas.accept(delta);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Agent '" + name() + "' was interrupted while its model streamed", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime
          : new IllegalStateException("The streaming model of agent '" + name() + "' failed", e.getCause());
    }
  }

  private List<ChatMessage> messages(List<AgentMessage> memory) {
    List<ChatMessage> messages = new ArrayList<>();
    if (!spec.systemPrompt().isBlank()) {
      messages.add(SystemMessage.from(spec.systemPrompt()));
    }
    for (AgentMessage message : memory) {
      messages.add(switch (message.role()) {
        case USER -> UserMessage.from(message.text());
        case ASSISTANT -> assistant(message);
        case TOOL -> ToolExecutionResultMessage.from(message.callId(), message.toolName(), message.text());
      });
    }
    return messages;
  }

  private static AiMessage assistant(AgentMessage message) {
    if (message.toolCalls().isEmpty()) {
      return AiMessage.from(message.text());
    }
    List<ToolExecutionRequest> calls = message.toolCalls().stream()
        .map(c -> ToolExecutionRequest.builder().id(c.id()).name(c.name()).arguments(c.arguments()).build())
        .toList();
    return message.text().isBlank() ? AiMessage.from(calls) : AiMessage.from(message.text(), calls);
  }

  /** Builds a {@link FunctionAgent}; name and model are required. */
  public static final class Builder extends AgentSpec.Builder<Builder> {
    private ChatModel model;
    private StreamingChatModel streamingModel;

    private Builder() {}

    /** The model, which must support tool calling. */
    public Builder model(ChatModel model) {
      this.model = model;
      return this;
    }

    /** A streaming model used instead of {@link #model}: its text reaches the stream as {@link AgentStream}s. */
    public Builder streamingModel(StreamingChatModel model) {
      this.streamingModel = model;
      return this;
    }

    public FunctionAgent build() {
      AgentSpec spec = spec();
      if (model == null && streamingModel == null) {
        throw new IllegalArgumentException("FunctionAgent '" + spec.name()
            + "' has no model. Call model(chatModel) or streamingModel(streamingChatModel).");
      }
      return new FunctionAgent(spec, model, streamingModel);
    }
  }
}
