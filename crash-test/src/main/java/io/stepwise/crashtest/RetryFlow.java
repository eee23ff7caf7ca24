package io.stepwise.crashtest;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Retry;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Retries: each of four jobs fails its first attempt and succeeds on its second, after a delay a
 * kill can land in. The result names the attempt that succeeded, so a resume that forgot or
 * repeated an attempt shows.
 */
@Workflow(name = RetryFlow.NAME, timeout = "10m")
public class RetryFlow {
  static final String NAME = "crash-retry";
  static final int JOBS = 4;

  public record Begin(int n) implements StartEvent {}

  public record Job(int n) implements Event {}

  /** Job {@code n} succeeded on attempt {@code attempt}. */
  public record Fixed(int n, int attempt) implements Event {}

  /** The jobs, as {@code n@attempt}. */
  public record Report(List<Fixed> fixed) implements StopEvent, Outcome {
    @Override
    public String summary() {
      return fixed.stream().sorted(Comparator.comparingInt(Fixed::n).thenComparingInt(Fixed::attempt))
          .map(f -> f.n() + "@" + f.attempt()).collect(Collectors.joining(","));
    }
  }

  static final Shape<Begin, Report> SHAPE = new Shape<>("retry", NAME,
      ledger -> RetryFlow_Workflow.of(new RetryFlow(ledger)),
      new Begin(JOBS),
      IntStream.range(0, JOBS).mapToObj(i -> i + "@2").collect(Collectors.joining(",")),
      Expected.keys(NAME, Expected.each(JOBS, "flaky,%d", "gather,%d"), "start," + JOBS),
      Expected.keys(NAME, Expected.each(JOBS, "flaky,%d")),
      null, Duration.ofMillis(550));

  private final Ledger ledger;

  public RetryFlow(Ledger ledger) {
    this.ledger = ledger;
  }

  @Step
  void start(Begin begin, Context<?> ctx) {
    String key = ledger.began(ctx, NAME, "start", begin.n());
    for (int i = 0; i < begin.n(); i++) {
      ctx.sendEvent(new Job(i));
    }
    ledger.completed(ctx, key);
  }

  @Step(workers = 2, retry = @Retry(maxAttempts = 3, delay = "150ms"))
  Fixed flaky(Job job, Context<?> ctx) throws InterruptedException, IOException {
    String key = ledger.began(ctx, NAME, "flaky", job.n());
    Naps.nap(20, 60);
    if (ctx.retryInfo().attempt() == 1) {
      throw new IOException("job " + job.n() + " fails its first attempt");
    }
    ledger.completed(ctx, key);
    return new Fixed(job.n(), ctx.retryInfo().attempt());
  }

  @Step(workers = 1)
  Optional<Report> gather(Fixed fixed, Context<?> ctx) throws InterruptedException {
    String key = ledger.began(ctx, NAME, "gather", fixed.n());
    Optional<Report> all = ctx.collectEvents(fixed, Collections.nCopies(JOBS, Fixed.class))
        .map(events -> new Report(events.stream().map(e -> (Fixed) e).toList()));
    Naps.nap(10, 40); // a cut can land while the collector has buffered or taken its events
    all.ifPresent(ledger::stopping);
    ledger.completed(ctx, key);
    return all;
  }
}
