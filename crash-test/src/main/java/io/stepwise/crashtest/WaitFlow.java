package io.stepwise.crashtest;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Questions answered from outside: three steps each ask a question and block in
 * {@code ctx.waitForEvent}; the worker leaves the run stored as waiting and exits, and another
 * JVM resumes it and sends one answer. A lost answer hangs the run, a repeated one shows in the
 * result.
 */
@Workflow(name = WaitFlow.NAME, timeout = "10m")
public class WaitFlow {
  static final String NAME = "crash-wait";
  static final int QUESTIONS = 3;

  public record Begin(int n) implements StartEvent {}

  public record Ask(int n) implements Event {}

  public record Question(int n) implements InputRequiredEvent, NumberedQuestion {}

  public record Answer(int n, String text) implements HumanResponseEvent {}

  public record Answered(int n, String text) implements Event {}

  /** The answers, as {@code n:text}. */
  public record Answers(List<Answered> answers) implements StopEvent, Outcome {
    @Override
    public String summary() {
      return answers.stream().sorted(Comparator.comparingInt(Answered::n).thenComparing(Answered::text))
          .map(a -> a.n() + ":" + a.text()).collect(Collectors.joining(","));
    }
  }

  static final Shape<Begin, Answers> SHAPE = new Shape<>("wait", NAME,
      ledger -> WaitFlow_Workflow.of(new WaitFlow(ledger)),
      new Begin(QUESTIONS),
      IntStream.range(0, QUESTIONS).mapToObj(i -> i + ":" + textOf(i)).collect(Collectors.joining(",")),
      Expected.keys(NAME, Expected.each(QUESTIONS, "ask,%d", "gather,%d"), "start," + QUESTIONS),
      Set.of(), n -> new Answer(n, textOf(n)), Duration.ofMillis(350));

  private final Ledger ledger;

  public WaitFlow(Ledger ledger) {
    this.ledger = ledger;
  }

  static String textOf(int n) {
    return "a" + n;
  }

  @Step
  void start(Begin begin, Context<?> ctx) throws InterruptedException {
    String key = ledger.began(ctx, NAME, "start", begin.n());
    for (int i = 0; i < begin.n(); i++) {
      Naps.nap(10, 30);
      ctx.sendEvent(new Ask(i));
    }
    ledger.completed(ctx, key);
  }

  @Step
  Answered ask(Ask ask, Context<?> ctx) throws InterruptedException {
    String key = ledger.began(ctx, NAME, "ask", ask.n());
    Naps.nap(10, 60);
    Answer answer = ctx.waitForEvent(Answer.class, new Question(ask.n()), a -> a.n() == ask.n(), Duration.ZERO);
    Naps.nap(10, 60);
    ledger.completed(ctx, key);
    return new Answered(ask.n(), answer.text());
  }

  @Step(workers = 1)
  Optional<Answers> gather(Answered answered, Context<?> ctx) throws InterruptedException {
    String key = ledger.began(ctx, NAME, "gather", answered.n());
    Optional<Answers> all = ctx.collectEvents(answered, Collections.nCopies(QUESTIONS, Answered.class))
        .map(events -> new Answers(events.stream().map(e -> (Answered) e).toList()));
    Naps.nap(10, 40); // a cut can land while the collector has buffered or taken its events
    all.ifPresent(ledger::stopping);
    ledger.completed(ctx, key);
    return all;
  }
}
