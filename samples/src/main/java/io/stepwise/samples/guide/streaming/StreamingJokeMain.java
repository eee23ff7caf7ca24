package io.stepwise.samples.guide.streaming;

import io.stepwise.WorkflowHandler;
import io.stepwise.samples.guide.joke.JokePrompts;
import io.stepwise.samples.guide.streaming.StreamingJokeFlow.CritiqueEvent;
import io.stepwise.samples.guide.streaming.StreamingJokeFlow.JokeEvent;
import io.stepwise.samples.guide.streaming.StreamingJokeFlow.TopicEvent;
import io.stepwise.samples.llm.ChatModels;
import io.stepwise.samples.llm.ChatModels.ChosenModel;
import io.stepwise.samples.llm.ModelSettings;
import java.io.PrintStream;

/** Runs {@link StreamingJokeFlow}, printing the joke from the stream as soon as it is produced. */
public final class StreamingJokeMain {
  private StreamingJokeMain() {}

  public static void main(String[] args) {
    run(System.out, args.length > 0 ? String.join(" ", args) : "pirates");
  }

  /** Prints which model answers, the joke as soon as it is streamed, then the critique. */
  public static void run(PrintStream out, String topic) {
    ChosenModel model = ChatModels.choose(ModelSettings.from(System.getenv()), JokePrompts.script());
    out.println(model.banner());
    WorkflowHandler<CritiqueEvent> run = StreamingJokeFlow_Workflow.of(new StreamingJokeFlow(model.model())).run(new TopicEvent(topic));
    run.events().forEach(event -> {
      if (event instanceof JokeEvent joke) {
        out.println("Produced joke: " + joke.joke());
      }
    });
    out.println(run.result().critique());
  }
}
