package io.stepwise.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunIdsTest {
  @Test
  void sipHashMatchesTheReferenceVectorForAnEightByteMessage() {
    // Key 00..0f and message 00..07 from the SipHash paper's test vectors.
    long hash = RunIds.sipHash24(0x0706050403020100L, 0x0f0e0d0c0b0a0908L, 0x0706050403020100L);
    assertEquals(0x93f5f5799a932462L, hash);
  }

  @Test
  void idsAreDistinctRandomUuids() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String id = RunIds.next();
      UUID parsed = UUID.fromString(id);
      assertEquals(4, parsed.version(), id);
      assertEquals(2, parsed.variant(), id);
      assertEquals(id, parsed.toString());
      seen.add(id);
    }
    assertEquals(100_000, seen.size());
  }
}
