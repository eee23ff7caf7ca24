package io.stepwise.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ReAct reply parser and the tool-argument reader, on the shapes models really write. */
class ReActFormatTest {
  @Test
  void actionWithFencedInputAndATrailingObservationIsOneCall() {
    ModelTurn turn = ReActFormat.parse("""
        Thought: I should look it up.
        Action: lookup
        Action Input: ```json
        {"topic": "otters {and} \\"owls\\""}
        ```
        Observation: (the model made this up)""", 4);
    assertEquals(List.of(new RequestedCall("react-4", "lookup", "{\"topic\": \"otters {and} \\\"owls\\\"\"}")),
        turn.calls());
  }

  @Test
  void answerIsTheTextAfterAnswer() {
    assertEquals(ModelTurn.answer("Thought: done.\nAnswer: 42\nand more", "42\nand more"),
        ReActFormat.parse("Thought: done.\nAnswer: 42\nand more", 0));
  }

  @Test
  void textWithoutThoughtIsTheAnswerAndThoughtAloneCannotBeRead() {
    assertEquals(ModelTurn.answer("Hello there", "Hello there"), ReActFormat.parse("Hello there", 0));
    assertEquals("Could not read the reply: expected 'Action:' with 'Action Input:', or 'Answer:'."
        + " Reply again in the format of the instructions.", ReActFormat.parse("Thought: hmm", 0).problem());
  }

  @Test
  void argumentsAreReadAsPlainValues() {
    assertEquals(Map.of("a", new BigDecimal("2.50"), "b", List.of(true, "x"), "c", Map.of("d", false)),
        JsonArguments.parse("{\"a\":2.50,\"b\":[true,\"x\"],\"c\":{\"d\":false}}"));
    assertEquals(Map.of(), JsonArguments.parse(""));
    assertEquals("The arguments must be a JSON object, got: [1]",
        assertThrows(IllegalArgumentException.class, () -> JsonArguments.parse("[1]")).getMessage());
    assertEquals("The arguments hold more than one JSON value: {} {}",
        assertThrows(IllegalArgumentException.class, () -> JsonArguments.parse("{} {}")).getMessage());
  }
}
