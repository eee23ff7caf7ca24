package io.stepwise.samples.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scripted model answers by phrase, first line wins, and refuses what it does not know. */
class ScriptedChatModelTest {
  private final ScriptedChatModel model = ScriptedChatModel.builder()
      .when("joke", "a joke")
      .when("critique", "a critique")
      .build();

  @Test
  void answersTheFirstLineWhosePhraseOccurs() {
    assertEquals("a joke", model.chat("Write a joke"));
    assertEquals("a critique", model.chat("Please critique this"));
    assertEquals("a joke", model.chat("critique this joke"));
    assertEquals(List.of("Write a joke", "Please critique this", "critique this joke"), model.prompts());
  }

  @Test
  void matchesTheLastUserMessageOfAConversation() {
    ChatResponse response = model.chat(UserMessage.from("Write a joke"), AiMessage.from("a joke"), UserMessage.from("now critique it"));

    assertEquals("a critique", response.aiMessage().text());
    assertEquals("scripted", response.modelName());
  }

  @Test
  void unknownPromptFailsNamingWhatItKnows() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.chat("What is the weather?"));

    assertEquals("The scripted model has no reply for the prompt \"What is the weather?\" (it knows prompts containing"
        + " [\"joke\", \"critique\"]). Set OPENAI_API_KEY to use a real model.", e.getMessage());
  }

  @Test
  void emptyScriptIsRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ScriptedChatModel.builder().build());

    assertEquals("A scripted model needs at least one line; add one with when(phrase, reply)", e.getMessage());
  }
}
