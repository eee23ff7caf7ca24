package io.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurationSyntaxTest {
  @Test
  void shortFormsUseTheirUnit() {
    assertThat(DurationSyntax.parse("500ms")).isEqualTo(Optional.of(Duration.ofMillis(500)));
    assertThat(DurationSyntax.parse("30s")).isEqualTo(Optional.of(Duration.ofSeconds(30)));
    assertThat(DurationSyntax.parse("2m")).isEqualTo(Optional.of(Duration.ofMinutes(2)));
    assertThat(DurationSyntax.parse("1h")).isEqualTo(Optional.of(Duration.ofHours(1)));
    assertThat(DurationSyntax.parse("1d")).isEqualTo(Optional.of(Duration.ofDays(1)));
  }

  @Test
  void isoFormIsAccepted() {
    assertThat(DurationSyntax.parse("PT30S")).isEqualTo(Optional.of(Duration.ofSeconds(30)));
    assertThat(DurationSyntax.parse("PT1.5S")).isEqualTo(Optional.of(Duration.ofMillis(1500)));
  }

  @Test
  void zeroAndEmptyMeanNone() {
    assertThat(DurationSyntax.parse("0s")).isEqualTo(Optional.of(Duration.ZERO));
    assertThat(DurationSyntax.parse("")).isEqualTo(Optional.of(Duration.ZERO));
  }

  @Test
  void malformedTextIsRejected() {
    assertThat(DurationSyntax.parse("5 parsecs")).isEmpty();
    assertThat(DurationSyntax.parse("30")).isEmpty();
    assertThat(DurationSyntax.parse("30 s")).isEmpty();
    assertThat(DurationSyntax.parse("-5s")).isEmpty();
    assertThat(DurationSyntax.parse("1.5s")).isEmpty();
  }

  @Test
  void negativeIsoDurationIsRejected() {
    assertThat(DurationSyntax.parse("PT-5S")).isEmpty();
  }

  @Test
  void overflowIsRejected() {
    assertThat(DurationSyntax.parse("999999999999999999d")).isEmpty();
  }
}
