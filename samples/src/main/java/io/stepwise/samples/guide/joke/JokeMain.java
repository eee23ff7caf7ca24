package io.stepwise.samples.guide.joke;

import io.stepwise.samples.guide.joke.JokeFlow.CritiqueEvent;
import io.stepwise.samples.guide.joke.JokeFlow.TopicEvent;
import io.stepwise.samples.llm.ChatModels;
import io.stepwise.samples.llm.ChatModels.ChosenModel;
import io.stepwise.samples.llm.ModelSettings;
import java.io.PrintStream;

/** Runs {@link JokeFlow} on a topic (the first argument, default "pirates") and prints the critique. */
public final class JokeMain {
  private JokeMain() {}

  public static void main(String[] args) {
    run(System.out, args.length > 0 ? String.join(" ", args) : "pirates");
  }

  /** Prints which model answers, then the critique of a joke about {@code topic}. */
  public static void run(PrintStream out, String topic) {
    ChosenModel model = ChatModels.choose(ModelSettings.from(System.getenv()), JokePrompts.script());
    out.println(model.banner());
    CritiqueEvent result = JokeFlow_Workflow.of(new JokeFlow(model.model())).run(new TopicEvent(topic)).result();
    out.println(result.critique());
  }
}
