package io.stepwise.samples.llm;

import java.util.Map;
import java.util.Optional;

/**
 * Which chat model the samples talk to, read from {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}
 * and {@code OPENAI_MODEL}; any OpenAI-compatible server (Ollama, vLLM, llama.cpp) works.
 *
 * @param apiKey the key, or empty when none is set (the samples then run on a scripted model)
 * @param baseUrl where the OpenAI-compatible API lives, ending before {@code /chat/completions}
 * @param modelName the model to ask for
 */
public record ModelSettings(Optional<String> apiKey, String baseUrl, String modelName) {
  /** OpenAI's own endpoint, used when {@code OPENAI_BASE_URL} is unset. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  /** A small, cheap model that follows formatting instructions well. */
  public static final String DEFAULT_MODEL = "gpt-4o-mini";

  public ModelSettings {
    if (baseUrl.isBlank()) {
      throw new IllegalArgumentException("OPENAI_BASE_URL is blank; unset it to use " + DEFAULT_BASE_URL
          + ", or set it to an OpenAI-compatible endpoint such as http://localhost:11434/v1");
    }
    if (modelName.isBlank()) {
      throw new IllegalArgumentException("OPENAI_MODEL is blank; unset it to use " + DEFAULT_MODEL
          + ", or name a model the server offers");
    }
  }

  /** Settings from {@code env} (usually {@link System#getenv()}); blank values count as unset. */
  public static ModelSettings from(Map<String, String> env) {
    return new ModelSettings(
        nonBlank(env.get("OPENAI_API_KEY")),
        nonBlank(env.get("OPENAI_BASE_URL")).orElse(DEFAULT_BASE_URL),
        nonBlank(env.get("OPENAI_MODEL")).orElse(DEFAULT_MODEL));
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
