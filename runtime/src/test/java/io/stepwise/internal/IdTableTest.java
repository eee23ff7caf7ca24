package io.stepwise.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdTableTest {
  @Test
  void findsEveryKeyAfterGrowingAndRemovingAcrossProbeRuns() {
    IdTable<String> table = new IdTable<>();
    for (long key = 0; key < 200; key++) {
      table.put(key * 16, "v" + key); // multiples of 16 collide in small tables
    }
    for (long key = 0; key < 200; key += 2) {
      assertEquals("v" + key, table.remove(key * 16));
    }
    assertEquals(100, table.size());
    for (long key = 0; key < 200; key++) {
      assertEquals(key % 2 == 0 ? null : "v" + key, table.get(key * 16), "key " + key * 16);
    }
  }

  @Test
  void putReplacesTheValueOfAKeyItHolds() {
    IdTable<String> table = new IdTable<>();
    table.put(7, "a");
    table.put(7, "b");
    assertEquals(1, table.size());
    assertEquals("b", table.get(7));
  }

  @Test
  void listsValuesInKeyOrderWhateverTheInsertionOrder() {
    IdTable<Long> table = new IdTable<>();
    List<Long> keys = List.of(42L, 3L, 0L, 1000L, 17L);
    keys.forEach(key -> table.put(key, key));
    List<Long> sorted = new ArrayList<>(keys);
    sorted.sort(null);
    assertEquals(sorted, table.valuesByKey());
  }

  @Test
  void anEmptyTableAnswersWithoutAllocatingAndClearEmptiesIt() {
    IdTable<String> table = new IdTable<>();
    assertNull(table.get(1));
    assertNull(table.remove(1));
    table.put(1, "x");
    table.clear();
    assertEquals(0, table.size());
    assertNull(table.get(1));
  }
}
