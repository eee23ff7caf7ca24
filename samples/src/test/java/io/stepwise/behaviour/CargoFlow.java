package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A workflow whose events use every type the generated JSON codecs support. */
@Workflow(name = "cargo")
public class CargoFlow {
  public enum Priority { LOW, HIGH }

  public sealed interface Shape permits Circle, Square {}

  public record Circle(double radius) implements Shape {}

  /** A class rather than a record: public fields, a no-arg constructor, a transient field. */
  public static final class Square implements Shape {
    public int side;
    public String label = "square";
    public transient String cache = "not written";

    @Override
    public boolean equals(Object o) {
      return o instanceof Square s && s.side == side && Objects.equals(s.label, label);
    }

    @Override
    public int hashCode() {
      return Objects.hash(side, label);
    }
  }

  public record Line(String sku, BigDecimal price, int qty) {}

  public record Manifest(
      boolean flag, byte tiny, short small, char letter, int count, long big, float ratio, double weight,
      Integer boxed, String text, BigDecimal amount, BigInteger huge, UUID id, Instant at, Duration took,
      LocalDate day, LocalDateTime local, OffsetDateTime offset, byte[] blob, int[] ints, double[] doubles,
      String[] names, Optional<String> note, List<Line> lines, Set<Priority> priorities,
      Map<String, Integer> counts, Shape shape, Priority priority, Manifest previous) implements StartEvent {}

  public record Shipped(String id, Event cause, List<Line> lines) implements StopEvent {}

  public record Progress(String note) implements Event {}

  @Step
  Shipped ship(Manifest manifest, Context<?> ctx) {
    ctx.writeEventToStream(new Progress("packing " + manifest.text()));
    return new Shipped(String.valueOf(manifest.id()), manifest, manifest.lines());
  }
}
