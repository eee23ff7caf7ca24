package io.stepwise.behaviour;

import io.stepwise.behaviour.CargoFlow.Circle;
import io.stepwise.behaviour.CargoFlow.Line;
import io.stepwise.behaviour.CargoFlow.Manifest;
import io.stepwise.behaviour.CargoFlow.Priority;
import io.stepwise.behaviour.CargoFlow.Square;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Events with extreme, unicode, empty and null values, shared by the JSON tests. */
final class CargoSamples {
  private CargoSamples() {}

  static Square square(int side, String label) {
    var square = new Square();
    square.side = side;
    square.label = label;
    return square;
  }

  static Manifest full() {
    var counts = new LinkedHashMap<String, Integer>();
    counts.put("zeta", 1);
    counts.put("ä-ø 🚢", null);
    counts.put("", Integer.MIN_VALUE);
    var previous = empty();
    return new Manifest(true, Byte.MIN_VALUE, Short.MAX_VALUE, 'λ', Integer.MAX_VALUE, Long.MIN_VALUE,
        Float.MIN_VALUE, Double.MAX_VALUE, -7, "héllo \"world\"\n\t\u0000 🌍 \\ </script>",
        new BigDecimal("-12345678901234567890.000000000000000000001"), BigInteger.TWO.pow(200).negate(),
        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), Instant.parse("2026-01-02T03:04:05.123456789Z"),
        Duration.ofDays(3).plusNanos(7), LocalDate.of(-44, 3, 15), LocalDateTime.of(2026, 12, 31, 23, 59, 59),
        OffsetDateTime.of(2026, 6, 1, 12, 0, 0, 0, ZoneOffset.ofHoursMinutes(-9, -30)),
        new byte[] {0, -1, 127, -128, 42}, new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE},
        new double[] {Double.NaN, Double.NEGATIVE_INFINITY, -0.0, 1e-300}, new String[] {"a", null, ""},
        Optional.of("fragile"),
        List.of(new Line("SKU-1", new BigDecimal("9.99"), 2), new Line("SKU-2", BigDecimal.ZERO, 0)),
        Set.of(Priority.HIGH), counts, square(3, "crate"), Priority.LOW, previous);
  }

  /** Every reference null, every collection empty. */
  static Manifest empty() {
    return new Manifest(false, (byte) 0, (short) 0, ' ', 0, 0, 0f, 0.0, null, null, null, null, null, null, null,
        null, null, null, new byte[0], new int[0], new double[0], new String[0], Optional.empty(), List.of(),
        Set.of(), new LinkedHashMap<>(), new Circle(0.5), null, null);
  }
}
