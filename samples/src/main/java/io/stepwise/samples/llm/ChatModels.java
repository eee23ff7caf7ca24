package io.stepwise.samples.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;

/** Builds the chat model a sample runs on: a real OpenAI-compatible one, or the sample's script. */
public final class ChatModels {
  private ChatModels() {}

  /**
   * The model the settings name, or {@code offline} when no API key is set. The choice is never
   * silent: the returned banner says which model answers, and how to switch.
   */
  public static ChosenModel choose(ModelSettings settings, ScriptedChatModel offline) {
    if (settings.apiKey().isEmpty()) {
      return new ChosenModel(offline, "model: scripted (offline) — set OPENAI_API_KEY to use a real model");
    }
    return new ChosenModel(openAi(settings), "model: " + settings.modelName() + " at " + settings.baseUrl());
  }

  /** A LangChain4j OpenAI client for the settings; fails when they hold no API key. */
  public static ChatModel openAi(ModelSettings settings) {
    String key = settings.apiKey().orElseThrow(() -> new IllegalArgumentException(
        "OPENAI_API_KEY is not set; set it (any non-empty value for a local server that needs none)"));
    return OpenAiChatModel.builder()
        .baseUrl(settings.baseUrl())
        .apiKey(key)
        .modelName(settings.modelName())
        // Local servers load the model on the first request; a generous timeout avoids failing there.
        .timeout(Duration.ofMinutes(3))
        .maxRetries(2)
        .build();
  }

  /**
   * A chat model and the one-line banner a sample prints before it runs.
   *
   * @param model the model to use
   * @param banner what a person should read about it, e.g. that it is scripted
   */
  public record ChosenModel(ChatModel model, String banner) {}
}
