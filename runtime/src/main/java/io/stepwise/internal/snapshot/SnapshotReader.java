package io.stepwise.internal.snapshot;

import io.stepwise.Event;
import io.stepwise.JsonDecodingException;
import io.stepwise.Snapshot;
import io.stepwise.SnapshotException.Reason;
import io.stepwise.SnapshotException;
import io.stepwise.internal.children.ChildImage;
import io.stepwise.internal.loop.LoopImage;
import io.stepwise.internal.loop.Routing;
import io.stepwise.internal.snapshot.RunImage;
import io.stepwise.spi.CodecRegistry;
import io.stepwise.spi.JsonCodecs;
import io.stepwise.spi.JsonReader;
import io.stepwise.spi.StepDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;

/**
 * Decodes a snapshot's content with one workflow's codecs into a {@link RunImage}, and checks it
 * fits the workflow's steps: every event where it is, a known step, sane counts. Returns a whole
 * image or throws {@link SnapshotException}; nothing runs before it returns.
 */
public final class SnapshotReader {
  private final CodecRegistry codecs;
  private final Routing routing;
  private final String graphHash;
  private final SnapshotChecks checks;

  public SnapshotReader(CodecRegistry codecs, Routing routing, String graphHash) {
    this.codecs = codecs;
    this.routing = routing;
    this.graphHash = graphHash;
    this.checks = new SnapshotChecks(routing);
  }

  /**
   * Checks the envelope against this workflow, then decodes the content: the one full read of the
   * text ({@code Snapshot.fromJson} reads only the envelope), so it also fails for malformed JSON
   * and limits exceeded anywhere in it, as {@link SnapshotEnvelope#unreadable} says.
   */
  public RunImage read(Snapshot snapshot) {
    check(snapshot);
    RunImage taken = Snapshots.image(snapshot);
    if (taken != null) {
      return taken;
    }
    String json = snapshot.toJson();
    JsonReader in = null;
    try (JsonParser parser = SnapshotFormat.factoryFor(json, snapshot.limits())
        .createParser(ObjectReadContext.empty(), json)) {
      in = new JsonReader(parser, "snapshot", SnapshotFormat.WRITE_DEPTH); // decoded content writes again
      parser.nextToken();
      RunImage image = content(in, snapshot, json);
      if (parser.nextToken() != null) {
        throw SnapshotEnvelope.malformed("unexpected content after the end of the object.");
      }
      return image;
    } catch (SnapshotException e) {
      throw e;
    } catch (JsonDecodingException e) {
      throw invalid(e.getMessage(), e);
    } catch (JacksonException e) {
      throw SnapshotEnvelope.unreadable(e);
    } catch (RuntimeException e) {
      // A record's constructor rejected decoded values (a compact constructor's check).
      throw invalid("a value was rejected at " + (in == null ? "snapshot" : in.path()) + ": " + e, e);
    }
  }

  private void check(Snapshot snapshot) {
    if (!snapshot.workflow().equals(routing.workflow())) {
      throw new SnapshotException(Reason.OTHER_WORKFLOW, "Cannot resume a snapshot of workflow '"
          + snapshot.workflow() + "' with workflow '" + routing.workflow() + "'. Resume it with the workflow it"
          + " was taken from.");
    }
    if (!snapshot.graphHash().equals(graphHash)) {
      throw new SnapshotException(Reason.CHANGED_GRAPH, "Cannot resume the snapshot of run " + snapshot.runId()
          + ": the graph of workflow '" + routing.workflow() + "' changed since it was taken (snapshot graph "
          + snapshot.graphHash() + ", current graph " + graphHash + "). Resume it with the version of the"
          + " workflow that took it, or let the run finish there before deploying the new graph.");
    }
  }

  private RunImage content(JsonReader in, Snapshot snapshot, String json) {
    Object state = null;
    var store = new TreeMap<String, Object>();
    List<LoopImage.StepImage> steps = new ArrayList<>();
    List<LoopImage.ExecutionImage> executions = new ArrayList<>();
    List<LoopImage.WaiterImage> waiters = new ArrayList<>();
    List<ChildImage> children = new ArrayList<>();
    in.beginObject();
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case SnapshotFormat.STATE -> state = readState(in);
        case SnapshotFormat.STORE -> {
          var values = codecs.storeValues();
          in.beginObject();
          for (String key; (key = in.nextKey()) != null; ) {
            store.put(key, in.read(values));
          }
        }
        case SnapshotFormat.STEPS -> {
          in.beginArray();
          while (in.nextElement()) {
            steps.add(step(in));
          }
        }
        case SnapshotFormat.EXECUTIONS -> {
          in.beginArray();
          while (in.nextElement()) {
            executions.add(execution(in, executions.size(), children, new ChildSection(json, snapshot.limits())));
          }
        }
        case SnapshotFormat.WAITERS -> {
          in.beginArray();
          while (in.nextElement()) {
            waiters.add(waiter(in));
          }
        }
        default -> in.skipValue(); // the envelope, read by Snapshot.fromJson, and fields of later versions
      }
    }
    if (codecs.state().isPresent() && state == null) {
      throw invalid("it has no state, but workflow '" + routing.workflow() + "' has a state type", null);
    }
    String crowded = checks.crowdedStep(executions);
    if (crowded != null) {
      throw invalid(crowded, null);
    }
    if (snapshot.isFinished() && !(steps.isEmpty() && executions.isEmpty() && waiters.isEmpty())) {
      throw invalid("it is of a finished run, yet it has queued, buffered or running work", null);
    }
    return new RunImage(snapshot.workflow(), snapshot.graphHash(), snapshot.runId(), snapshot.streamPosition(),
        state, store, new LoopImage(steps, executions, waiters), children, snapshot.elapsed(), snapshot.isFinished());
  }

  private Object readState(JsonReader in) {
    var state = codecs.state().orElse(null);
    if (state == null) {
      if (in.read(JsonCodecs.STRING) != null) {
        throw in.fail("workflow '" + routing.workflow() + "' has no state type, so the state must be null");
      }
      return null;
    }
    return in.read(state.codec());
  }

  private LoopImage.StepImage step(JsonReader in) {
    int step = -1;
    List<LoopImage.InputSetImage> queued = new ArrayList<>();
    List<List<LoopImage.Buffered>> joins = new ArrayList<>();
    List<Event> collected = List.of();
    List<LoopImage.Buffered> members = new ArrayList<>();
    List<LoopImage.BatchImage> batches = new ArrayList<>();
    in.beginObject();
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "step" -> step = stepIndex(in);
        case "queued" -> {
          in.beginArray();
          while (in.nextElement()) {
            queued.add(inputSet(in));
          }
        }
        case "joins" -> {
          in.beginArray();
          while (in.nextElement()) {
            List<LoopImage.Buffered> slot = new ArrayList<>();
            in.beginArray();
            while (in.nextElement()) {
              slot.add(buffered(in));
            }
            joins.add(slot);
          }
        }
        case "collected" -> collected = events(in);
        case SnapshotFormat.MEMBERS -> {
          in.beginArray();
          while (in.nextElement()) {
            members.add(buffered(in));
          }
        }
        case SnapshotFormat.BATCHES -> {
          in.beginArray();
          while (in.nextElement()) {
            batches.add(batch(in));
          }
        }
        default -> in.skipValue();
      }
    }
    if (step < 0) {
      throw in.fail("a step entry has no \"step\"");
    }
    StepDescriptor descriptor = routing.steps().get(step);
    for (LoopImage.InputSetImage set : queued) {
      checks.inputs(in, descriptor, set.events());
    }
    int slots = descriptor.isJoin() ? descriptor.inputs().size() : 0;
    if (joins.size() != slots && !(joins.isEmpty())) {
      throw in.fail("step '" + descriptor.name() + "' has " + slots + " join slots, the snapshot "
          + joins.size());
    }
    for (int slot = 0; slot < joins.size(); slot++) {
      for (LoopImage.Buffered buffered : joins.get(slot)) {
        checks.slot(in, descriptor, buffered.event(), slot);
      }
    }
    if (!descriptor.inputs().getFirst().isBatch() && !(members.isEmpty() && batches.isEmpty())) {
      throw in.fail("step '" + descriptor.name() + "' is not a fan-in, but the snapshot gives it batches");
    }
    for (LoopImage.Buffered member : members) {
      checks.slot(in, descriptor, member.event(), 0);
    }
    return new LoopImage.StepImage(step, queued, joins, collected, members, batches);
  }

  /** One open batch of a fan-in: {"size": 3, "lineage": 0}. */
  private LoopImage.BatchImage batch(JsonReader in) {
    int size = -1;
    int lineage = 0;
    in.beginObject();
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "size" -> size = in.readInt();
        case "lineage" -> lineage = in.readInt();
        default -> in.skipValue();
      }
    }
    if (size < 0 || lineage < 0) {
      throw in.fail("a batch needs a \"size\" and a \"lineage\" of 0 or more");
    }
    return new LoopImage.BatchImage(size, lineage);
  }

  private LoopImage.InputSetImage inputSet(JsonReader in) {
    List<Event> events = List.of();
    int lineage = 0;
    in.beginObject();
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "events" -> events = events(in);
        case "lineage" -> lineage = count(in, "lineage");
        default -> in.skipValue();
      }
    }
    return new LoopImage.InputSetImage(events, lineage);
  }

  private LoopImage.Buffered buffered(JsonReader in) {
    Event event = null;
    int lineage = 0;
    in.beginObject();
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "event" -> event = in.read(codecs.events());
        case "lineage" -> lineage = count(in, "lineage");
        default -> in.skipValue();
      }
    }
    if (event == null) {
      throw in.fail("a buffered join entry has no event");
    }
    return new LoopImage.Buffered(event, lineage);
  }

  /** @param children gets the child runs the execution waits for, with their snapshots (decoded when resumed) */
  private LoopImage.ExecutionImage execution(JsonReader in, int index, List<ChildImage> children,
      ChildSection childSection) {
    List<ChildImage> waitedFor = List.of();
    int step = -1;
    List<Event> events = List.of();
    int attempt = 1;
    int lineage = 0;
    Duration elapsed = Duration.ZERO;
    String errorType = null;
    String errorMessage = null;
    Duration retryIn = null;
    LoopImage.Progress progress = LoopImage.Progress.NONE;
    in.beginObject();
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "step" -> step = stepIndex(in);
        case "events" -> events = events(in);
        case "attempt" -> attempt = count(in, "attempt");
        case "lineage" -> lineage = count(in, "lineage");
        case "elapsed" -> elapsed = duration(in, Duration.ZERO);
        case "errorType" -> errorType = in.read(JsonCodecs.STRING);
        case "errorMessage" -> errorMessage = in.read(JsonCodecs.STRING);
        case "retryIn" -> retryIn = duration(in, null);
        case SnapshotFormat.CHILDREN -> waitedFor = childSection.read(in, index);
        case ProgressSection.NAME -> progress = new ProgressSection(codecs).read(in);
        default -> in.skipValue();
      }
    }
    if (step < 0) {
      throw in.fail("an execution has no \"step\"");
    }
    if (retryIn != null && !waitedFor.isEmpty()) {
      throw in.fail("an execution waiting out a retry delay runs no child, yet this one has "
          + waitedFor.size());
    }
    children.addAll(waitedFor);
    if (attempt < 1) {
      throw in.fail("an execution's attempt must be at least 1");
    }
    checks.inputs(in, routing.steps().get(step), events);
    if (retryIn != null && !progress.isEmpty()) {
      throw in.fail("an execution waiting out a retry delay has done nothing yet, yet this one has progress");
    }
    return new LoopImage.ExecutionImage(0, step, events, attempt, lineage, errorType, errorMessage, elapsed,
        retryIn, progress);
  }

  private LoopImage.WaiterImage waiter(JsonReader in) {
    int step = -1;
    String type = "";
    Event waiterEvent = null;
    Duration timeout = Duration.ZERO;
    in.beginObject();
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "step" -> step = stepIndex(in);
        case "type" -> type = in.readString();
        case "waiterEvent" -> waiterEvent = in.read(codecs.events());
        case "timeout" -> timeout = duration(in, Duration.ZERO);
        default -> in.skipValue();
      }
    }
    if (step < 0) {
      throw in.fail("a waiter has no \"step\"");
    }
    return new LoopImage.WaiterImage(step, type, waiterEvent, timeout);
  }

  private List<Event> events(JsonReader in) {
    List<Event> events = new ArrayList<>();
    in.beginArray();
    while (in.nextElement()) {
      Event event = in.read(codecs.events());
      if (event == null) {
        throw in.fail("expected an event, found null");
      }
      events.add(event);
    }
    return events;
  }

  private int stepIndex(JsonReader in) {
    String name = in.readString();
    for (StepDescriptor step : routing.steps()) {
      if (step.name().equals(name)) {
        return step.index();
      }
    }
    String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
    throw in.fail("workflow '" + routing.workflow() + "' has no step '" + shown + "'");
  }

  private static int count(JsonReader in, String what) {
    int value = in.readInt();
    if (value < 0) {
      throw in.fail(what + " must not be negative");
    }
    return value;
  }

  private static Duration duration(JsonReader in, Duration whenNull) {
    Duration value = in.read(JsonCodecs.DURATION);
    if (value == null) {
      return whenNull;
    }
    if (value.isNegative()) {
      throw in.fail("a duration must not be negative");
    }
    return value;
  }

  private SnapshotException invalid(String problem, Throwable cause) {
    String text = problem.startsWith("Cannot decode JSON") ? problem : problem + ".";
    return new SnapshotException(Reason.INVALID_CONTENT, "Cannot restore snapshot of workflow '"
        + routing.workflow() + "': " + text + " Pass the text Snapshot.toJson() wrote, unchanged.", cause);
  }
}
