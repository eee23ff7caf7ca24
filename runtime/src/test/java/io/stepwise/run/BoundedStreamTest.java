package io.stepwise.run;

import static io.stepwise.fixture.Steps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.ChildEvent;
import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.EventsDropped;
import io.stepwise.RunOptions;
import io.stepwise.StreamOverflow;
import io.stepwise.WorkflowCancelledEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import io.stepwise.WorkflowTimedOutEvent;
import io.stepwise.WorkflowTimeoutException;
import io.stepwise.fixture.Events.Ask;
import io.stepwise.fixture.Events.Done;
import io.stepwise.fixture.Events.Mid;
import io.stepwise.fixture.Events.Other;
import io.stepwise.fixture.Events.Progress;
import io.stepwise.fixture.Events.Start;
import io.stepwise.fixture.ScriptedWorkflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A run's stream holds a bounded number of unread events: it drops the oldest, or holds the writing step back. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BoundedStreamTest {
  private static final long WAIT = 30;

  private static RunOptions buffer(int capacity, StreamOverflow overflow) {
    return RunOptions.builder().streamBuffer(capacity, overflow).build();
  }

  private static Progress p(int n) {
    return new Progress("p" + n);
  }

  /** A workflow whose one step writes {@code p(0)} to {@code p(count - 1)}, then stops. */
  private static CompiledWorkflow<Start, Done> writer(String name, int count) {
    return ScriptedWorkflow.named(name, Start.class, Done.class)
        .step(step("write", Start.class).emits(Done.class), (ev, ctx) -> {
          for (int i = 0; i < count; i++) {
            ctx.writeEventToStream(p(i));
          }
          return new Done("wrote " + count);
        })
        .compile();
  }

  @Test
  void dropOldestKeepsTheNewestEventsBehindOneMarkerCountingTheRest() {
    WorkflowHandler<Done> handler = writer("Chatty", 10).run(new Start(0), buffer(3, StreamOverflow.DROP_OLDEST));

    assertEquals(new Done("wrote 10"), handler.result());
    assertEquals(List.of(new EventsDropped(7), p(7), p(8), p(9), new Done("wrote 10")), handler.events().toList());
  }

  @Test
  void questionsAndTheTerminalEventSurviveAStreamNobodyReads() {
    var flow = ScriptedWorkflow.named("AskingChatty", Start.class, Done.class)
        .step(step("first", Start.class).emits(Ask.class, Mid.class), (ev, ctx) -> {
          for (int i = 0; i < 10; i++) {
            ctx.writeEventToStream(p(i));
          }
          return List.of(new Ask("still there?"), new Mid(0)); // the loop publishes the question
        })
        .step(step("second", Mid.class).emits(Done.class), (ev, ctx) -> {
          for (int i = 10; i < 20; i++) {
            ctx.writeEventToStream(p(i));
          }
          return new Done("done");
        })
        .compile();

    WorkflowHandler<Done> handler = flow.run(new Start(0), buffer(3, StreamOverflow.DROP_OLDEST));

    assertEquals(new Done("done"), handler.result());
    assertEquals(List.of(new EventsDropped(10), new Ask("still there?"), new EventsDropped(7), p(17), p(18), p(19),
        new Done("done")), handler.events().toList());
  }

  @Test
  void aReaderThatFallsBehindGetsEachEventOrAMarkerCountingItExactly() {
    int total = 100_000;
    var flow = ScriptedWorkflow.named("Counting", Start.class, Done.class)
        .step(step("count", Start.class).emits(Done.class), (ev, ctx) -> {
          for (int i = 0; i < total; i++) {
            ctx.writeEventToStream(new Mid(i));
          }
          return new Done("counted");
        })
        .compile();

    List<Event> read = flow.run(new Start(0), buffer(16, StreamOverflow.DROP_OLDEST)).events().toList();

    long next = 0;
    for (Event event : read.subList(0, read.size() - 1)) {
      if (event instanceof EventsDropped dropped) {
        next += dropped.count();
      } else {
        assertEquals(next, ((Mid) event).n(), "an event read in place of one the marker before it counted");
        next++;
      }
    }
    assertEquals(total, next);
    assertEquals(new Done("counted"), read.get(read.size() - 1));
  }

  @Test
  void blockMakesTheWritingStepWaitForTheReaderAndLosesNothing() throws Exception {
    CompletableFuture<Thread> fifthWrite = new CompletableFuture<>();
    AtomicInteger written = new AtomicInteger();
    var flow = ScriptedWorkflow.named("Patient", Start.class, Done.class)
        .step(step("write", Start.class).emits(Done.class), (ev, ctx) -> {
          for (int i = 0; i < 5; i++) {
            if (i == 4) {
              fifthWrite.complete(Thread.currentThread());
            }
            ctx.writeEventToStream(p(i));
            written.incrementAndGet();
          }
          return new Done("wrote 5");
        })
        .compile();

    WorkflowHandler<Done> handler = flow.run(new Start(0), buffer(4, StreamOverflow.BLOCK));
    awaitParked(fifthWrite.get(WAIT, TimeUnit.SECONDS));

    assertEquals(4, written.get());
    assertEquals(List.of(p(0), p(1), p(2), p(3), p(4), new Done("wrote 5")), handler.events().toList());
    assertEquals(new Done("wrote 5"), handler.result());
    assertEquals(5, written.get());
  }

  @Test
  void blockKeepsEveryEventOfSeveralWritersInTheirOrder() {
    int writers = 4;
    int each = 5_000;
    var flow = ScriptedWorkflow.named("Crowd", Start.class, Done.class)
        .step(step("split", Start.class).emits(Mid.class), (ev, ctx) -> IntStream.range(0, writers).mapToObj(Mid::new).toList())
        .step(step("write", Mid.class).emits(Other.class).workers(writers), (ev, ctx) -> {
          int writer = ((Mid) ev[0]).n();
          for (int i = 0; i < each; i++) {
            ctx.writeEventToStream(new Progress(writer + ":" + i));
          }
          return new Other("done");
        })
        .step(step("gather", Other.class).emits(Done.class).workers(1), (ev, ctx) ->
            ctx.collectEvents(ev[0], List.of(Other.class, Other.class, Other.class, Other.class)).isPresent()
                ? new Done("all written") : null)
        .compile();

    List<Event> read = flow.run(new Start(0), buffer(8, StreamOverflow.BLOCK)).events().toList();

    List<List<Integer>> byWriter = new ArrayList<>();
    IntStream.range(0, writers).forEach(w -> byWriter.add(new ArrayList<>()));
    for (Event event : read.subList(0, read.size() - 1)) {
      String[] parts = ((Progress) event).text().split(":");
      byWriter.get(Integer.parseInt(parts[0])).add(Integer.parseInt(parts[1]));
    }
    List<Integer> all = IntStream.range(0, each).boxed().toList();
    byWriter.forEach(seen -> assertEquals(all, seen));
    assertEquals(new Done("all written"), read.get(read.size() - 1));
  }

  @Test
  void cancelEndsAStepWaitingForRoom() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    CompletableFuture<Thread> secondWrite = new CompletableFuture<>();
    WorkflowHandler<Done> handler = blockedAfterOneWrite("Cancelled", secondWrite, thrown)
        .run(new Start(0), buffer(1, StreamOverflow.BLOCK));
    awaitParked(secondWrite.get(WAIT, TimeUnit.SECONDS));

    handler.cancel();

    assertThrows(WorkflowCancelledException.class, handler::result);
    secondWrite.get().join();
    assertInstanceOf(WorkflowCancelledException.class, thrown.get());
    assertEquals("Step 'write' of run " + handler.runId() + " was cancelled while waiting for the stream's reader"
        + " to make room", thrown.get().getMessage());
    assertEquals(List.of(p(0), new WorkflowCancelledEvent()), handler.events().toList());
  }

  @Test
  void theRunTimeoutEndsAStepWaitingForRoomOnAStreamNobodyReads() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    CompletableFuture<Thread> secondWrite = new CompletableFuture<>();
    Duration limit = Duration.ofSeconds(2); // long enough for the step to be waiting when it strikes
    WorkflowHandler<Done> handler = blockedAfterOneWrite("Unread", secondWrite, thrown).run(new Start(0),
        RunOptions.builder().streamBuffer(1, StreamOverflow.BLOCK).timeout(limit).build());
    awaitParked(secondWrite.get(WAIT, TimeUnit.SECONDS));

    WorkflowTimeoutException timeout = assertThrows(WorkflowTimeoutException.class, handler::result);

    assertEquals(List.of("write"), timeout.activeSteps());
    secondWrite.get().join();
    assertInstanceOf(WorkflowCancelledException.class, thrown.get());
    assertEquals(List.of(p(0), new WorkflowTimedOutEvent(limit, List.of("write"))),
        handler.events().toList());
  }

  /** A step that writes p(0), then blocks writing p(1) on a stream of capacity 1; records what the write threw. */
  private static CompiledWorkflow<Start, Done> blockedAfterOneWrite(String name, CompletableFuture<Thread> secondWrite,
      AtomicReference<Throwable> thrown) {
    return ScriptedWorkflow.named(name, Start.class, Done.class)
        .step(step("write", Start.class).emits(Done.class), (ev, ctx) -> {
          ctx.writeEventToStream(p(0));
          secondWrite.complete(Thread.currentThread());
          try {
            ctx.writeEventToStream(p(1));
          } catch (RuntimeException e) {
            thrown.set(e);
            throw e;
          }
          return new Done("never");
        })
        .compile();
  }

  @Test
  void aBlockRunWithoutTimeoutWhoseHandlerWasDroppedUnreadStopsWaitingForAReader() throws InterruptedException {
    CountDownLatch wroteAll = new CountDownLatch(1);
    startAndForget(ScriptedWorkflow.named("Forgotten", Start.class, Done.class)
        .step(step("write", Start.class).emits(Done.class), (ev, ctx) -> {
          for (int i = 0; i < 3; i++) {
            ctx.writeEventToStream(p(i));
          }
          wroteAll.countDown();
          return new Done("wrote 3");
        })
        .compile());

    boolean wrote = false;
    for (int i = 0; i < 100 && !wrote; i++) {
      System.gc();
      wrote = wroteAll.await(100, TimeUnit.MILLISECONDS);
    }
    assertTrue(wrote, "the step still waits for a reader nobody can be");
  }

  /** Starts a run on a BLOCK stream of capacity 1 and no timeout, and drops its handler, as a caller that forgot it would. */
  private static void startAndForget(CompiledWorkflow<Start, Done> flow) {
    flow.run(new Start(0), RunOptions.builder().streamBuffer(1, StreamOverflow.BLOCK).timeout(Duration.ZERO).build());
  }

  @Test
  void aBlockedParentHoldsItsChildsWritersBackInsteadOfDroppingTheirEvents() throws Exception {
    int count = 50;
    CompletableFuture<Thread> childWriter = new CompletableFuture<>();
    AtomicInteger childWrites = new AtomicInteger();
    var child = ScriptedWorkflow.named("Child", Start.class, Done.class)
        .step(step("write", Start.class).emits(Done.class), (ev, ctx) -> {
          childWriter.complete(Thread.currentThread());
          for (int i = 0; i < count; i++) {
            ctx.writeEventToStream(p(i));
            childWrites.incrementAndGet();
          }
          return new Done("child wrote " + count);
        })
        .compile();
    var parent = ScriptedWorkflow.named("Parent", Start.class, Done.class)
        .step(step("delegate", Start.class).emits(Done.class), (ev, ctx) -> ctx.runChild(child, new Start(0)))
        .compile();

    WorkflowHandler<Done> handler = parent.run(new Start(0), buffer(2, StreamOverflow.BLOCK));
    awaitParked(childWriter.get(WAIT, TimeUnit.SECONDS));

    assertTrue(childWrites.get() < count, "the child wrote all its events although nobody read them");
    List<Event> read = handler.events().toList();
    String childRun = ((ChildEvent) read.get(0)).childRunId();
    List<Event> expected = new ArrayList<>();
    IntStream.range(0, count).forEach(i -> expected.add(new ChildEvent(childRun, "Child", p(i))));
    expected.add(new ChildEvent(childRun, "Child", new Done("child wrote " + count)));
    expected.add(new Done("child wrote " + count));
    assertEquals(expected, read);
  }

  @Test
  void aMillionEventsNobodyReadsRunToTheEndInASmallHeap(@TempDir Path directory) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path output = directory.resolve("out.txt");
    Process child = new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"), UnreadStreamProcess.class.getName())
        .redirectOutput(output.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    boolean ended = child.waitFor(WAIT * 2, TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly();
    }

    assertTrue(ended, "the run did not end within " + WAIT * 2 + " s in a 64 MB heap");
    assertEquals(0, child.exitValue(), "the child JVM failed (exit 3: out of memory)");
    assertEquals(List.of(UnreadStreamProcess.RESULT + " Done[value=wrote 1000000]",
        UnreadStreamProcess.STREAM + " EventsDropped[count=995904], 4096 kept, Done[value=wrote 1000000]"),
        Files.readAllLines(output));
  }

  /** Waits (bounded by the class timeout) until {@code thread} parks: then it waits for room. */
  private static void awaitParked(Thread thread) throws InterruptedException {
    while (thread.getState() != Thread.State.WAITING) {
      assertTrue(thread.isAlive(), "the writing step ended instead of waiting for room");
      Thread.sleep(1);
    }
  }
}
