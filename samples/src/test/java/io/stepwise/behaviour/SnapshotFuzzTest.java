package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.stepwise.Snapshot;
import io.stepwise.SnapshotException;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.SnapshotFlows.Counts;
import io.stepwise.behaviour.SnapshotFlows.Go;
import io.stepwise.behaviour.SnapshotFlows.Outcome;
import io.stepwise.behaviour.SnapshotFlows.Progress;
import io.stepwise.behaviour.SnapshotFlows.Question;
import io.stepwise.internal.loop.Routing;
import io.stepwise.internal.snapshot.RunImage;
import io.stepwise.internal.snapshot.SnapshotReader;
import io.stepwise.internal.snapshot.Snapshots;
import io.stepwise.spi.WorkflowDefinition;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Mutated and truncated snapshots of a busy run: decoding only ever returns a whole image (which
 * writes and decodes again) or throws SnapshotException; never another exception, never a hang.
 */
class SnapshotFuzzTest {
  private static final int CASES = 5_000;
  private static final String[] FRAGMENTS = {
      "{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "1e999", "0.5", "\"@type\"", "\"@event\"",
      "\"@state\"", "\"io.stepwise.behaviour.SnapshotFlows.Work\"", "\"io.stepwise.WorkflowCancelledEvent\"",
      "\"step\":\"nope\"", "\"PT-1S\"", "99999999999999999999999999", "\"format\":7", "[[[[[[[[", "\ud800", " "};

  @Test
  void mutatedSnapshotsDecodeWhollyOrFailWithSnapshotException() {
    fuzz(busySnapshot(), new SnapshotFlows_BusyFlow_Workflow(), 20261121L, CASES);
  }

  /** The child's section is read by the parent (its envelope only); the child's content stays text. */
  @Test
  void mutatedSnapshotsWithAChildDecodeWhollyOrFailWithSnapshotException() throws InterruptedException {
    fuzz(parentSnapshot(), new ChildSnapshotFlows_AskingParent_Workflow(), 20260311L, CASES / 2);
  }

  private static <W> void fuzz(String original, WorkflowDefinition<W, ?, ?> definition, long seed, int cases) {
    SnapshotReader reader = new SnapshotReader(definition.codecs(),
        new Routing(definition.name(), definition.steps()), definition.graphHash());
    assertEquals(original, Snapshots.of(reader.read(Snapshot.fromJson(original)), definition.codecs(),
        definition.steps()).toJson());
    // Generous: the cases take a few seconds; the bound only turns a hang into a failure.
    assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
      Random random = new Random(seed);
      int decoded = 0;
      for (int i = 0; i < cases; i++) {
        String mutated = mutate(original, random);
        try {
          RunImage image = reader.read(Snapshot.fromJson(mutated));
          String again = Snapshots.of(image, definition.codecs(), definition.steps()).toJson();
          reader.read(Snapshot.fromJson(again));
          decoded++;
        } catch (SnapshotException expected) {
          // the documented failure
        } catch (RuntimeException | StackOverflowError other) {
          fail("case " + i + " threw " + other + " for: " + mutated, other);
        }
      }
      System.out.println("snapshot fuzz of " + definition.name() + ": " + decoded + " of " + cases
          + " mutations decoded");
    });
  }

  /** A parent whose step waits for a child that waits for a person. */
  private static String parentSnapshot() throws InterruptedException {
    var child = new ChildSnapshotFlows.AskingChild();
    WorkflowHandler<ChildFlows.Report> run = ChildSnapshotFlows_AskingParent_Workflow.of(
        new ChildSnapshotFlows.AskingParent(ChildSnapshotFlows_AskingChild_Workflow.of(child))).run(new ChildFlows.Go());
    run.events().iterator().next(); // the child's question
    child.listening.await();
    String json = run.snapshot().toJson();
    run.cancel();
    return json;
  }

  private static String mutate(String text, Random random) {
    int at = random.nextInt(text.length());
    return switch (random.nextInt(5)) {
      case 0 -> text.substring(0, at);
      case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(20)));
      case 2 -> text.substring(0, at) + FRAGMENTS[random.nextInt(FRAGMENTS.length)] + text.substring(at);
      case 3 -> {
        char[] chars = text.toCharArray();
        chars[at] = (char) (32 + random.nextInt(95));
        yield new String(chars);
      }
      default -> text.substring(0, at) + FRAGMENTS[random.nextInt(FRAGMENTS.length)]
          + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8)));
    };
  }

  /** A snapshot with queued work, join and collect buffers, a retry, a waiter, state-less store. */
  private static String busySnapshot() {
    CountDownLatch gate = new CountDownLatch(1);
    WorkflowHandler<Outcome> run = SnapshotFlows_BusyFlow_Workflow.of(new SnapshotFlows.BusyFlow(new Counts(), gate))
        .run(new Go(true));
    Iterator<io.stepwise.Event> events = run.events().iterator();
    Set<Object> missing = new HashSet<>(Set.of(new Question(7), new Progress("gathered 1"),
        new Progress("flaky fails"), new Progress("work 2 holds")));
    while (!missing.isEmpty()) {
      missing.remove(events.next());
    }
    String json;
    do {
      json = run.snapshot().toJson();
    } while (json.split("\"attempt\":", -1).length - 1 != 3);
    run.cancel();
    gate.countDown();
    return json;
  }
}
