package io.stepwise.samples.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A chat model that answers from a script, so every sample runs offline and deterministically.
 * Each line of the script names a phrase; the reply of the first line whose phrase occurs in
 * the conversation's last user message is returned. A prompt that no line matches fails with a
 * message that says so: a scripted model never invents an answer.
 */
public final class ScriptedChatModel implements ChatModel {
  /** The name reported as the model of every reply. */
  public static final String MODEL_NAME = "scripted";

  private final List<Line> lines;
  private final List<String> prompts = new CopyOnWriteArrayList<>();

  private ScriptedChatModel(List<Line> lines) {
    this.lines = List.copyOf(lines);
  }

  /** Starts a script. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    String prompt = lastUserText(request.messages());
    prompts.add(prompt);
    for (Line line : lines) {
      if (prompt.contains(line.whenPromptContains())) {
        return ChatResponse.builder()
            .aiMessage(AiMessage.from(line.reply()))
            .modelName(MODEL_NAME)
            .finishReason(FinishReason.STOP)
            .build();
      }
    }
    throw new IllegalStateException("The scripted model has no reply for the prompt \"" + abbreviate(prompt)
        + "\" (it knows prompts containing " + lines.stream().map(l -> "\"" + l.whenPromptContains() + "\"").toList()
        + "). Set OPENAI_API_KEY to use a real model.");
  }

  /** The last user message of every request so far, in order; for tests and demonstrations. */
  public List<String> prompts() {
    return List.copyOf(prompts);
  }

  private static String lastUserText(List<ChatMessage> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof UserMessage user && user.hasSingleText()) {
        return user.singleText();
      }
    }
    throw new IllegalArgumentException("The scripted model answers text user messages only, and the request had none");
  }

  private static String abbreviate(String prompt) {
    String oneLine = prompt.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
  }

  /**
   * One line of a script.
   *
   * @param whenPromptContains the phrase the last user message must contain
   * @param reply what the model answers
   */
  public record Line(String whenPromptContains, String reply) {
    public Line {
      Objects.requireNonNull(reply, "reply");
      if (whenPromptContains == null || whenPromptContains.isEmpty()) {
        throw new IllegalArgumentException("A script line needs a non-empty phrase to match; an empty one would match every prompt");
      }
    }
  }

  /** Collects the lines of a script, first match wins. */
  public static final class Builder {
    private final List<Line> lines = new ArrayList<>();

    private Builder() {}

    /** Answers {@code reply} to a prompt containing {@code phrase}. */
    public Builder when(String phrase, String reply) {
      lines.add(new Line(phrase, reply));
      return this;
    }

    /** The model; fails when the script is empty. */
    public ScriptedChatModel build() {
      if (lines.isEmpty()) {
        throw new IllegalStateException("A scripted model needs at least one line; add one with when(phrase, reply)");
      }
      return new ScriptedChatModel(lines);
    }
  }
}
