package io.stepwise.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.RetryPolicy;
import io.stepwise.RetryPolicy.Failure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The building blocks of a RetryPolicy, with exact delays. */
class RetryPolicyBuilderTest {
  private static Failure failure(int attempt, Throwable error, Duration elapsed) {
    return new Failure("call", attempt, error, elapsed, 42L);
  }

  @Test
  void defaultsRetryEveryExceptionOneSecondApartForThreeAttempts() {
    RetryPolicy policy = RetryPolicy.builder().build();

    assertEquals(Optional.of(Duration.ofSeconds(1)), policy.next(failure(1, new RuntimeException(), Duration.ZERO)));
    assertEquals(Optional.of(Duration.ofSeconds(1)), policy.next(failure(2, new RuntimeException(), Duration.ZERO)));
    assertEquals(Optional.empty(), policy.next(failure(3, new RuntimeException(), Duration.ZERO)));
    assertEquals(3, policy.maxAttempts());
  }

  @Test
  void exponentialBackoffGrowsByItsFactorUpToItsCap() {
    Backoff backoff = Backoff.exponential(Duration.ofMillis(100), 3.0, Duration.ofMillis(1000));

    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(900), Duration.ofMillis(1000)),
        List.of(backoff.delay(1, 0), backoff.delay(2, 0), backoff.delay(3, 0), backoff.delay(4, 0)));
  }

  @Test
  void linearStepsAndSumsGiveTheirDelays() {
    assertEquals(Duration.ofMillis(250), Backoff.linear(Duration.ofMillis(50), Duration.ofMillis(100)).delay(3, 0));
    Backoff steps = Backoff.steps(List.of(Duration.ofMillis(1), Duration.ofMillis(5)));
    assertEquals(List.of(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(5)),
        List.of(steps.delay(1, 0), steps.delay(2, 0), steps.delay(3, 0)));
    assertEquals(Duration.ofMillis(7), Backoff.fixed(Duration.ofMillis(2)).plus(Backoff.fixed(Duration.ofMillis(5)))
        .delay(1, 0));
    assertEquals(Duration.ofMillis(3), Backoff.fixed(Duration.ofMillis(9)).atMost(Duration.ofMillis(3)).delay(1, 0));
  }

  @Test
  void randomDelaysRepeatForTheSameSeedAndStayInRange() {
    Backoff random = Backoff.random(Duration.ofMillis(100), Duration.ofMillis(200));
    Duration first = random.delay(1, 7L);

    assertEquals(first, random.delay(1, 7L));
    assertTrue(first.compareTo(Duration.ofMillis(100)) >= 0 && first.compareTo(Duration.ofMillis(200)) <= 0, first.toString());
    Duration jittered = Backoff.fixed(Duration.ofSeconds(1)).withJitter(0.5).delay(1, 7L);
    assertTrue(jittered.toMillis() >= 500 && jittered.toMillis() <= 1500, jittered.toString());
  }

  @Test
  void conditionsCombineAndLookThroughCauses() {
    RetryOn transientError = RetryOn.cause(IOException.class).or(RetryOn.messageMatching("HTTP 5\\d\\d"));

    assertTrue(transientError.test(new UncheckedIOException(new IOException("reset"))));
    assertTrue(transientError.test(new IllegalStateException("got HTTP 503")));
    assertFalse(transientError.test(new IllegalStateException("got HTTP 404")));
    assertFalse(transientError.test(new IllegalStateException((String) null)));
    assertTrue(RetryOn.exceptionExcept(IllegalArgumentException.class).test(new IllegalStateException()));
    assertFalse(RetryOn.exception(IOException.class).and(RetryOn.messageEquals("x")).test(new IOException("y")));
  }

  @Test
  void stopConditionsSeeTheElapsedTimeAndTheNextDelay() {
    RetryPolicy policy = RetryPolicy.builder()
        .backoff(Backoff.fixed(Duration.ofMillis(40)))
        .stopWhen(StopWhen.elapsedAfterDelay(Duration.ofMillis(100)).or(StopWhen.attempts(10)))
        .build();

    assertEquals(Optional.of(Duration.ofMillis(40)), policy.next(failure(2, new RuntimeException(), Duration.ofMillis(59))));
    assertEquals(Optional.empty(), policy.next(failure(2, new RuntimeException(), Duration.ofMillis(60))));
    assertEquals(10, policy.maxAttempts());
    assertEquals(Integer.MAX_VALUE, StopWhen.elapsed(Duration.ofSeconds(1)).maxAttempts());
    assertEquals(5, StopWhen.attempts(5).and(StopWhen.attempts(3)).maxAttempts());
  }

  @Test
  void badArgumentsAreRefusedWithWhatWasWrong() {
    var error = assertThrows(IllegalArgumentException.class,
        () -> Backoff.exponential(Duration.ofMillis(1), 0.5, Duration.ofSeconds(1)));
    assertEquals("factor must be 1.0 or more, was 0.5", error.getMessage());
    assertEquals("attempts must be 1 or more, was 0",
        assertThrows(IllegalArgumentException.class, () -> StopWhen.attempts(0)).getMessage());
    assertEquals("RetryOn.exception needs at least one exception type",
        assertThrows(IllegalArgumentException.class, RetryOn::exception).getMessage());
  }
}
