package io.stepwise.samples.children;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.Map;

/** The child: looks one topic up in a small offline library, reporting its progress on the stream. */
@Workflow(name = "research")
public class ResearchFlow {
  public record Question(String topic) implements StartEvent {}

  public record Progress(String message) implements Event {}

  public record Findings(String topic, String summary) implements StopEvent {}

  private static final Map<String, String> LIBRARY = Map.of(
      "otters", "otters hold hands while they sleep so they do not drift apart",
      "octopuses", "octopuses have three hearts and blue blood",
      "owls", "owls cannot move their eyes, so they turn their heads instead");

  @Step
  Findings lookUp(Question question, Context<?> ctx) {
    ctx.writeEventToStream(new Progress("looking up " + question.topic()));
    String summary = LIBRARY.get(question.topic());
    if (summary == null) {
      throw new IllegalArgumentException("nothing in the library about " + question.topic());
    }
    return new Findings(question.topic(), summary);
  }
}
