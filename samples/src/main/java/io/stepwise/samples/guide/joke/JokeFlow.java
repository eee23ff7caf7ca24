package io.stepwise.samples.guide.joke;

import dev.langchain4j.model.chat.ChatModel;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/**
 * The guide's first complete workflow (section 2.4): one step asks the model for a joke, the
 * next asks it to critique the joke.
 */
@Workflow(timeout = "60s")
public class JokeFlow {
  /** Starts a run: what the joke should be about. */
  public record TopicEvent(String topic) implements StartEvent {}

  /** The joke the model wrote. */
  public record JokeEvent(String joke) implements Event {}

  /** The run's result: the model's critique of the joke. */
  public record CritiqueEvent(String critique) implements StopEvent {}

  private final ChatModel llm;

  public JokeFlow(ChatModel llm) {
    this.llm = llm;
  }

  @Step
  JokeEvent generateJoke(TopicEvent ev) {
    return new JokeEvent(llm.chat(JokePrompts.joke(ev.topic())));
  }

  @Step
  CritiqueEvent critiqueJoke(JokeEvent ev) {
    return new CritiqueEvent(llm.chat(JokePrompts.critique(ev.joke())));
  }
}
