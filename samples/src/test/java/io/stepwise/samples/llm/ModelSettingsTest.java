package io.stepwise.samples.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model is chosen from the environment, and the choice is always announced. */
class ModelSettingsTest {
  private final ScriptedChatModel script = ScriptedChatModel.builder().when("hi", "hello").build();

  @Test
  void emptyEnvironmentMeansOpenAiDefaultsWithoutKey() {
    assertEquals(new ModelSettings(Optional.empty(), "https://api.openai.com/v1", "gpt-4o-mini"), ModelSettings.from(Map.of()));
  }

  @Test
  void blankValuesCountAsUnset() {
    ModelSettings settings = ModelSettings.from(Map.of("OPENAI_API_KEY", " ", "OPENAI_BASE_URL", "", "OPENAI_MODEL", "  "));

    assertEquals(new ModelSettings(Optional.empty(), "https://api.openai.com/v1", "gpt-4o-mini"), settings);
  }

  @Test
  void localServerSettingsAreTakenAsGiven() {
    ModelSettings settings = ModelSettings.from(Map.of(
        "OPENAI_API_KEY", "ollama", "OPENAI_BASE_URL", "http://localhost:11434/v1", "OPENAI_MODEL", "llama3.2"));

    assertEquals(new ModelSettings(Optional.of("ollama"), "http://localhost:11434/v1", "llama3.2"), settings);
  }

  @Test
  void withoutKeyTheScriptAnswersAndTheBannerSaysSo() {
    ChatModels.ChosenModel chosen = ChatModels.choose(ModelSettings.from(Map.of()), script);

    assertSame(script, chosen.model());
    assertEquals("model: scripted (offline) — set OPENAI_API_KEY to use a real model", chosen.banner());
  }

  @Test
  void withKeyTheBannerNamesModelAndEndpoint() {
    ChatModels.ChosenModel chosen = ChatModels.choose(
        ModelSettings.from(Map.of("OPENAI_API_KEY", "k", "OPENAI_BASE_URL", "http://127.0.0.1:8080/v1", "OPENAI_MODEL", "qwen")), script);

    assertEquals("model: qwen at http://127.0.0.1:8080/v1", chosen.banner());
  }

  @Test
  void openAiClientWithoutKeyIsRefusedWithTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChatModels.openAi(ModelSettings.from(Map.of())));

    assertEquals("OPENAI_API_KEY is not set; set it (any non-empty value for a local server that needs none)", e.getMessage());
  }
}
