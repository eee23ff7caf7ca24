package io.stepwise.samples.guide.joke;

import io.stepwise.samples.llm.ScriptedChatModel;

/** The guide's two joke prompts, and the script that answers them offline. */
public final class JokePrompts {
  /** What the scripted model answers to the joke prompt. */
  public static final String SCRIPTED_JOKE =
      "Why don't pirates ever finish the alphabet? Because they always get lost at C.";

  /** What the scripted model answers to the critique prompt. */
  public static final String SCRIPTED_CRITIQUE = """
      The joke is a classic pun: "at C" sounds like "at sea", and pirates live at sea. \
      It is short, clean and lands quickly; its weakness is that the C/sea pun is well worn, \
      so seasoned listeners will see it coming. A solid 6/10.""";

  private JokePrompts() {}

  /** The prompt that asks for a joke. */
  public static String joke(String topic) {
    return "Write your best joke about " + topic + ".";
  }

  /** The prompt that asks for a critique. */
  public static String critique(String joke) {
    return "Give a thorough analysis and critique of the following joke: " + joke;
  }

  /** A model that answers both prompts, for running offline. */
  public static ScriptedChatModel script() {
    return ScriptedChatModel.builder()
        .when("Write your best joke about", SCRIPTED_JOKE)
        .when("analysis and critique of the following joke", SCRIPTED_CRITIQUE)
        .build();
  }
}
