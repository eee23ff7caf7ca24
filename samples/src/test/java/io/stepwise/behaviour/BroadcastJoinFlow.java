package io.stepwise.behaviour;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** One event broadcast to two steps, whose results a join step combines. */
@Workflow
public class BroadcastJoinFlow {
  public record Begin(String word) implements StartEvent {}
  public record Word(String word) implements Event {}
  public record Upper(String word) implements Event {}
  public record Reversed(String word) implements Event {}
  public record Combined(String text) implements StopEvent {}

  @Step
  Word start(Begin begin) {
    return new Word(begin.word());
  }

  @Step
  Upper upper(Word word) {
    return new Upper(word.word().toUpperCase(java.util.Locale.ROOT));
  }

  @Step
  Reversed reverse(Word word) {
    return new Reversed(new StringBuilder(word.word()).reverse().toString());
  }

  @Step
  Combined combine(Reversed reversed, Upper upper) {
    return new Combined(upper.word() + "+" + reversed.word());
  }
}
