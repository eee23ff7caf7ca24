package io.stepwise.samples.guide.streaming;

import dev.langchain4j.model.chat.ChatModel;
import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import io.stepwise.samples.guide.joke.JokePrompts;

/**
 * The guide's streaming variant of the joke workflow (section 2.4): each step also writes what it
 * produced to the run's stream, so a caller sees the joke before the critique is ready.
 */
@Workflow(timeout = "60s")
public class StreamingJokeFlow {
  /** Starts a run: what the joke should be about. */
  public record TopicEvent(String topic) implements StartEvent {}

  /** The joke the model wrote; routed to the critic and also written to the stream. */
  public record JokeEvent(String joke) implements Event {}

  /** The run's result: the model's critique of the joke. */
  public record CritiqueEvent(String critique) implements StopEvent {}

  private final ChatModel llm;

  public StreamingJokeFlow(ChatModel llm) {
    this.llm = llm;
  }

  @Step
  JokeEvent generateJoke(TopicEvent ev, Context<?> ctx) {
    JokeEvent joke = new JokeEvent(llm.chat(JokePrompts.joke(ev.topic())));
    ctx.writeEventToStream(joke);
    return joke;
  }

  @Step
  CritiqueEvent critiqueJoke(JokeEvent ev) {
    // Unlike the Python guide, the stop event is not written to the stream by hand: the
    // runtime publishes it as the stream's terminal event anyway.
    return new CritiqueEvent(llm.chat(JokePrompts.critique(ev.joke())));
  }
}
