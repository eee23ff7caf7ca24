package io.stepwise.behaviour;

import io.stepwise.RetryPolicy;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Config;
import io.stepwise.annotations.Provides;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import io.stepwise.retry.Backoff;
import io.stepwise.retry.StopWhen;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Workflows whose resources are records read from JSON files with {@code @Config}. */
final class ConfigFlows {
  private ConfigFlows() {}

  record Ticket(String text) implements StartEvent {}

  record Verdict(String route, int attempts) implements StopEvent {}

  /** The "thresholds" section of triage.json; the constructor checks what JSON cannot. */
  record Thresholds(double escalateAbove, List<String> urgentWords, Optional<String> team) {
    Thresholds {
      if (escalateAbove < 0.0 || escalateAbove > 1.0) {
        throw new IllegalArgumentException("escalateAbove must be between 0.0 and 1.0, was " + escalateAbove);
      }
    }
  }

  /** retry.json: how the flaky lookup is retried. */
  record RetryConfig(int attempts, long delayMillis) {}

  /**
   * judge reads its thresholds from a section of triage.json; lookup is retried by a policy built
   * from retry.json. Both files are read from the working directory, or -Dstepwise.config.dir.
   */
  @Workflow(name = "config-triage")
  static class TriageFlow {
    final AtomicInteger lookups = new AtomicInteger();

    @Provides
    RetryPolicy fromFile(@Config("retry.json") RetryConfig config) {
      return RetryPolicy.builder()
          .backoff(Backoff.fixed(Duration.ofMillis(config.delayMillis())))
          .stopWhen(StopWhen.attempts(config.attempts()))
          .build();
    }

    @Step(retryPolicy = "fromFile")
    Verdict judge(Ticket ticket, @Config(value = "triage.json", select = "thresholds") Thresholds thresholds) {
      if (lookups.incrementAndGet() < 3) {
        throw new IllegalStateException("lookup unavailable");
      }
      long urgent = thresholds.urgentWords().stream().filter(ticket.text()::contains).count();
      double score = (double) urgent / thresholds.urgentWords().size();
      String route = score > thresholds.escalateAbove() ? "escalate to " + thresholds.team().orElse("on-call") : "auto-reply";
      return new Verdict(route, lookups.get());
    }
  }

  /** From the class path, beside this class. */
  record Greeting(String salutation, String signature) {}

  record Name(String who) implements StartEvent {}

  record Card(String text) implements StopEvent {}

  @Workflow(name = "config-greeting")
  static class GreetingFlow {
    @Step
    Card greet(Name name, @Config("classpath:io/stepwise/behaviour/greeting.json") Greeting greeting) {
      return new Card(greeting.salutation() + ", " + name.who() + ". " + greeting.signature());
    }
  }
}
