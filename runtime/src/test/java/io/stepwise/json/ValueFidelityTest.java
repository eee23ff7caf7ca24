package io.stepwise.json;

import static io.stepwise.json.ValueFidelity.assertSameValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.JsonLimits;
import io.stepwise.MapStartEvent;
import io.stepwise.ResultEvent;
import io.stepwise.Snapshot;
import io.stepwise.SnapshotException;
import io.stepwise.WorkflowJson;
import io.stepwise.fixture.HoldingFlow;
import io.stepwise.fixture.TrickyValues;
import io.stepwise.internal.state.RunData;
import io.stepwise.internal.state.StateSupport;
import io.stepwise.spi.CodecRegistry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every value a step can put in the store or a script event either comes back exactly through a
 * snapshot and a resumed run, or is refused where it enters, with a message that says what to do;
 * and a snapshot from outside is refused when it names a property twice or exceeds its limits.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ValueFidelityTest {
  private final WorkflowJson json = WorkflowJson.of(CodecRegistry.builder("bare").build());

  // --- the store, through a snapshot and a resumed run

  @Test
  void everyStoreValueComesBackAsItWasPutThroughSnapshotJson() throws Exception {
    Map<String, Object> values = TrickyValues.all();
    var flow = new HoldingFlow(values);

    String text = flow.snapshotWithValues(new MapStartEvent(Map.of("n", 1))).toJson();
    ResultEvent result = flow.workflow().resume(Snapshot.fromJson(text)).result();

    assertSameValues(values, HoldingFlow.valuesOf(result));
  }

  @Test
  void snapshotTextIsAsciiWhereverAStringHasASurrogate() throws Exception {
    var flow = new HoldingFlow(Map.of("lone", "a\uD800b", "pair", "\uD83D\uDE00"));

    String text = flow.snapshotWithValues(new MapStartEvent(Map.of())).toJson();

    assertEquals(true, text.contains("\"lone\":\"a\\uD800b\""), text);
    assertEquals(true, text.contains("\"pair\":\"\\uD83D\\uDE00\""), text);
    assertEquals(-1, firstSurrogate(text), text);
  }

  @Test
  void numbersThatJsonDoesNotDistinguishAreWrittenWithTheirType() throws Exception {
    var flow = new HoldingFlow(Map.of("long", 5L, "nan", Double.NaN, "plain", 5, "wide", Long.MAX_VALUE));

    String text = flow.snapshotWithValues(new MapStartEvent(Map.of())).toJson();

    assertEquals(true, text.contains("\"store\":{\"long\":{\"@long\":5},\"nan\":{\"@double\":\"NaN\"},\"plain\":5,"
        + "\"wide\":9223372036854775807,"), text);
  }

  @Test
  void scriptEventValuesComeBackWithTheirTypesInAResumedExecutionAndThroughWorkflowJson() throws Exception {
    Map<String, Object> data = Map.of("long", 5L, "float", 1.5f, "nan", Double.NaN, "lone", "\uDBFF",
        "nested", List.of(Map.of("@short", (short) 3)));
    var flow = new HoldingFlow(Map.of());

    String text = flow.snapshotWithValues(new MapStartEvent(data)).toJson();
    ResultEvent result = flow.workflow().resume(Snapshot.fromJson(text)).result();
    var decoded = (MapStartEvent) json.read(json.write(new MapStartEvent(data)));

    assertSameValues(data, HoldingFlow.startDataOf(result));
    assertSameValues(data, decoded.data());
  }

  // --- refused at put

  @Test
  void storeRefusesANumberLongerThanASnapshotReadsAtPut() {
    RunData data = RunData.fresh("measures", StateSupport.NONE, value -> false);
    BigInteger digits1001 = BigInteger.TEN.pow(1000);

    var error = assertThrows(IllegalArgumentException.class, () -> data.put("big", List.of(1, digits1001)));

    assertEquals("Cannot put a list whose element 1 is a BigInteger of 1001 characters under key 'big' in the"
        + " store of workflow 'measures': a snapshot holds numbers of at most 1000 characters, so it could not be"
        + " read back; store it as a string", error.getMessage());
    assertEquals(null, data.get("big"));
  }

  @Test
  void storeRefusesAValueNestedDeeperThanASnapshotWritesAtPut() {
    RunData data = RunData.fresh("measures", StateSupport.NONE, value -> false);
    data.put("deepest", TrickyValues.nested(TrickyValues.MAX_STORE_DEPTH));

    var error = assertThrows(IllegalArgumentException.class,
        () -> data.put("deeper", TrickyValues.nested(TrickyValues.MAX_STORE_DEPTH + 1)));

    assertEquals("Cannot put a value nested deeper than 198 levels under key 'deeper' in the store of workflow"
        + " 'measures': a snapshot holds at most 198 levels of a store value, so it could not be written; does a"
        + " list or map contain itself?", error.getMessage());
  }

  @Test
  void storeRefusesAListThatContainsItselfInsteadOfOverflowingTheStack() {
    RunData data = RunData.fresh("measures", StateSupport.NONE, value -> false);
    var cyclic = new ArrayList<Object>();
    cyclic.add(cyclic);

    var error = assertThrows(IllegalArgumentException.class, () -> data.put("cycle", cyclic));

    assertEquals(true, error.getMessage().startsWith("Cannot put a value nested deeper than 198 levels under key"
        + " 'cycle'"), error.getMessage());
  }

  @Test
  void storeCountsTheLevelATypedNumberTakes() {
    RunData data = RunData.fresh("measures", StateSupport.NONE, value -> false);
    int depth = TrickyValues.MAX_STORE_DEPTH;
    data.put("plainInt", wrap(5, depth));
    data.put("plainLong", wrap(Long.MAX_VALUE, depth));

    // 5L is written as {"@long":5}: one level more than a plain 5.
    var error = assertThrows(IllegalArgumentException.class, () -> data.put("taggedLong", wrap(5L, depth)));

    assertEquals(true, error.getMessage().startsWith("Cannot put a value nested deeper than 198 levels"),
        error.getMessage());
  }

  @Test
  void storeRefusesAKeyWithALoneSurrogateWhichNoJsonReaderAcceptsInAName() {
    RunData data = RunData.fresh("measures", StateSupport.NONE, value -> false);
    data.put("\uD83D\uDE00", Map.of("\uD83D\uDE00", 1)); // pairs are fine

    var key = assertThrows(IllegalArgumentException.class, () -> data.put("k\uD800", 1));
    var mapKey = assertThrows(IllegalArgumentException.class, () -> data.put("k", List.of(Map.of("\uDC00", 1))));

    assertEquals("Cannot put a value under key 'k?' in the store of workflow 'measures': the key has a lone UTF-16"
        + " surrogate at index 1, and JSON readers refuse a lone surrogate in a property name, so it could not be"
        + " read back; use keys that are well-formed Unicode", key.getMessage());
    assertEquals("Cannot put a map with a key that has a lone UTF-16 surrogate under key 'k' in the store of"
        + " workflow 'measures': JSON readers refuse a lone surrogate in a property name, so it could not be read"
        + " back; use keys that are well-formed Unicode", mapKey.getMessage());
  }

  // --- snapshots read from outside

  @Test
  void snapshotNamingExecutionsTwiceIsRefusedNotRunTwice() throws Exception {
    var flow = new HoldingFlow(Map.of());
    String text = flow.snapshotWithValues(new MapStartEvent(Map.of("n", 1))).toJson();
    int at = text.indexOf(",\"executions\":");
    int end = text.indexOf(",\"waiters\":");
    String doubled = text.substring(0, end) + text.substring(at, end) + text.substring(end);

    // Snapshot.fromJson reads only the envelope; resume reads the rest, before anything runs.
    var error = assertThrows(SnapshotException.class, () -> flow.workflow().resume(Snapshot.fromJson(doubled)));

    assertEquals(SnapshotException.Reason.MALFORMED, error.reason());
    assertEquals(true, error.getMessage().startsWith("Cannot read snapshot: malformed JSON at line 1, column "),
        error.getMessage());
    assertEquals(true, error.getMessage().endsWith(": Duplicate Object property \"executions\". Pass the text"
        + " Snapshot.toJson() wrote, unchanged."), error.getMessage());
  }

  @Test
  void snapshotWhoseStoreMapNamesAKeyTwiceIsRefused() throws Exception {
    var flow = new HoldingFlow(Map.of("m", Map.of("a", 1)));
    String text = flow.snapshotWithValues(new MapStartEvent(Map.of()))
        .toJson().replace("{\"a\":1}", "{\"a\":1,\"a\":2}");

    var error = assertThrows(SnapshotException.class, () -> flow.workflow().resume(Snapshot.fromJson(text)));

    assertEquals(true, error.getMessage().contains("Duplicate Object property \"a\""), error.getMessage());
  }

  @Test
  void storedFractionTooLargeForADoubleIsInvalidContent() throws Exception {
    var flow = new HoldingFlow(Map.of("x", 0.5));
    String text = flow.snapshotWithValues(new MapStartEvent(Map.of())).toJson().replace("\"x\":0.5", "\"x\":1e400");

    var error = assertThrows(SnapshotException.class, () -> flow.workflow().resume(Snapshot.fromJson(text)));

    assertEquals(SnapshotException.Reason.INVALID_CONTENT, error.reason());
    assertEquals(true, error.getMessage().contains("Cannot decode JSON at snapshot.store[\"x\"] (line 1, column "),
        error.getMessage());
    assertEquals(true, error.getMessage().contains("): number 1e400 is too large for a double."), error.getMessage());
  }

  @Test
  void snapshotWithANumberBeyondTheDefaultLimitReadsWithRaisedLimits() throws Exception {
    var flow = new HoldingFlow(Map.of("big", BigInteger.TWO.pow(64)));
    String big = BigInteger.TEN.pow(1500).toString();
    String text = flow.snapshotWithValues(new MapStartEvent(Map.of())).toJson()
        .replace(BigInteger.TWO.pow(64).toString(), big); // as another writer, or an older Stepwise, may have

    var refused = assertThrows(SnapshotException.class, () -> flow.workflow().resume(Snapshot.fromJson(text)));
    Snapshot raised = Snapshot.fromJson(text, Snapshot.DEFAULT_LIMITS.withMaxNumberLength(2000));
    ResultEvent result = flow.workflow().resume(raised).result();

    assertEquals(SnapshotException.Reason.OVERSIZED, refused.reason());
    assertEquals(true, refused.getMessage().startsWith("Cannot read snapshot: it exceeds a limit: Number value length"
        + " (1501) exceeds the maximum allowed (1000"), refused.getMessage());
    assertEquals(true, refused.getMessage().endsWith(" If the snapshot comes from a trusted store, raise the limits"
        + " with Snapshot.fromJson(json, JsonLimits), or resume(runId, store, options, JsonLimits)."),
        refused.getMessage());
    assertEquals(Map.of("big", new BigInteger(big)), HoldingFlow.valuesOf(result));
  }

  @Test
  void storeValueNestedDeeperThanASnapshotWritesIsInvalidContentSoWhatDecodesWritesAgain() throws Exception {
    var flow = new HoldingFlow(Map.of("x", "core"));
    String text = flow.snapshotWithValues(new MapStartEvent(Map.of())).toJson();
    // The store value starts at level 3: the snapshot object is level 1, its "store" level 2.
    int levels = TrickyValues.MAX_STORE_DEPTH + 1;
    String deeper = text.replace("\"x\":\"core\"", "\"x\":" + "[".repeat(levels) + "\"core\"" + "]".repeat(levels));

    var error = assertThrows(SnapshotException.class, () -> flow.workflow().resume(Snapshot.fromJson(deeper)));

    assertEquals(SnapshotException.Reason.INVALID_CONTENT, error.reason());
    assertEquals(true, error.getMessage().contains(": values nest deeper than 200 levels, more than could be written"
        + " again."), error.getMessage());
  }

  @Test
  void snapshotTextMayNestToTheLimitOutsideItsOwnValuesAndNoDeeper() throws Exception {
    var flow = new HoldingFlow(Map.of("x", "core"));
    String text = flow.snapshotWithValues(new MapStartEvent(Map.of())).toJson();
    // A field this version does not know, nested as deep as the limit allows: skipped, as a child's snapshot is.
    int levels = JsonLimits.MAX_DEPTH - 1;
    String deepest = text.replace("\"store\":", "\"later\":" + "[".repeat(levels) + "]".repeat(levels) + ",\"store\":");
    String deeper = text.replace("\"store\":", "\"later\":" + "[".repeat(levels + 1) + "]".repeat(levels + 1)
        + ",\"store\":");

    ResultEvent result = flow.workflow().resume(Snapshot.fromJson(deepest)).result();
    var refused = assertThrows(SnapshotException.class, () -> flow.workflow().resume(Snapshot.fromJson(deeper)));

    assertEquals(Map.of("x", "core"), HoldingFlow.valuesOf(result));
    assertEquals(SnapshotException.Reason.OVERSIZED, refused.reason());
    assertEquals(true, refused.getMessage().startsWith("Cannot read snapshot: it exceeds a limit: Document nesting"
        + " depth (1001) exceeds the maximum allowed (1000"), refused.getMessage());
  }

  @Test
  void limitsOutsideTheirRangeAreRefused() {
    var error = assertThrows(IllegalArgumentException.class, () -> new JsonLimits(100, 200, 0));

    assertEquals("JSON limits must be at least 2 characters, a depth from 2 to 1000 and a number length of at least"
        + " 1, were 100 characters, depth 200 and number length 0.", error.getMessage());
  }

  private static Object wrap(Object value, int levels) {
    Object wrapped = value;
    for (int i = 0; i < levels; i++) {
      wrapped = List.of(wrapped);
    }
    return wrapped;
  }

  private static int firstSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
