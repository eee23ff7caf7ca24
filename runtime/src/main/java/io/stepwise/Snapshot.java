package io.stepwise;

import io.stepwise.internal.snapshot.RunImage;
import io.stepwise.internal.snapshot.SnapshotEnvelope;
import io.stepwise.internal.snapshot.SnapshotWriter;
import io.stepwise.internal.snapshot.Snapshots;
import io.stepwise.spi.CodecRegistry;
import io.stepwise.spi.StepDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A consistent cut of a run, from {@link WorkflowHandler#snapshot()}: its state, store, queues,
 * buffers, executions in flight and waits, with a format version and the hash of the workflow's
 * graph. {@link #toJson()} writes it; {@link #fromJson(String)} reads the envelope back, and
 * {@link CompiledWorkflow#resume(Snapshot)} decodes the rest with the workflow's own codecs only.
 */
public final class Snapshot {
  /** The format version this runtime writes, and the newest it reads. */
  public static final int FORMAT_VERSION = 1;
  /** Default limit on a snapshot's length, in characters. */
  public static final int DEFAULT_MAX_CHARS = 16 * 1024 * 1024;
  /**
   * The limits a snapshot is read within unless the reader gives others: {@value #DEFAULT_MAX_CHARS}
   * characters, {@value JsonLimits#MAX_DEPTH} levels of nesting in the text (a snapshot's own values
   * nest at most {@value WorkflowJson#DEFAULT_MAX_DEPTH} levels, written or read, and each child
   * snapshot a parent embeds adds five), and numbers of {@value JsonLimits#DEFAULT_MAX_NUMBER_LENGTH}
   * characters, the most a snapshot writes.
   */
  public static final JsonLimits DEFAULT_LIMITS =
      new JsonLimits(DEFAULT_MAX_CHARS, JsonLimits.MAX_DEPTH, JsonLimits.DEFAULT_MAX_NUMBER_LENGTH);

  static {
    // The runtime makes snapshots of live runs and reads their typed content through this door,
    // so neither the internal image nor the factory is part of the public API.
    Snapshots.open(new Snapshots.Door() {
      @Override
      public Snapshot of(RunImage image, CodecRegistry codecs, List<StepDescriptor> steps) {
        return Snapshot.of(image, codecs, steps);
      }

      @Override
      public RunImage image(Snapshot snapshot) {
        return snapshot.image;
      }
    });
  }

  private final SnapshotEnvelope envelope;
  private final RunImage image; // null when read from JSON: the workflow's codecs decode it on resume
  private final CodecRegistry codecs;
  private final List<StepDescriptor> steps;
  private final JsonLimits limits;
  private volatile String json;

  private Snapshot(SnapshotEnvelope envelope, RunImage image, CodecRegistry codecs, List<StepDescriptor> steps,
      JsonLimits limits, String json) {
    this.envelope = envelope;
    this.image = image;
    this.codecs = codecs;
    this.steps = steps;
    this.limits = limits;
    this.json = json;
  }

  /** A snapshot of a live run, written with the workflow's codecs; the runtime reaches it through {@link Snapshots}. */
  private static Snapshot of(RunImage image, CodecRegistry codecs, List<StepDescriptor> steps) {
    return new Snapshot(new SnapshotEnvelope(FORMAT_VERSION, image.workflow(), image.graphHash(), image.runId(),
        image.streamPosition(), image.finished(), image.elapsed()), Objects.requireNonNull(image, "image"), Objects.requireNonNull(codecs, "codecs"),
        List.copyOf(steps), DEFAULT_LIMITS, null);
  }

  /**
   * Checks a snapshot's length and reads its envelope (format version, workflow, graph hash, run
   * id, stream position), which {@link #toJson()} writes first, and no further: the whole text is
   * read once, by {@link CompiledWorkflow#resume(Snapshot)}, with the workflow's codecs, before
   * anything runs, and JSON malformed after the envelope fails there with the same
   * {@link SnapshotException}.
   *
   * @throws SnapshotException when the text is too long, its envelope malformed, or of a newer format version
   */
  public static Snapshot fromJson(String json) {
    return fromJson(json, DEFAULT_LIMITS);
  }

  /** Like {@link #fromJson(String)}, with another limit on the text's length. */
  public static Snapshot fromJson(String json, int maxChars) {
    return fromJson(json, DEFAULT_LIMITS.withMaxChars(maxChars));
  }

  /**
   * Like {@link #fromJson(String)}, within other limits (its length, nesting and number length),
   * for snapshots from a trusted store that outgrow {@link #DEFAULT_LIMITS}. The content is decoded
   * within the same limits when the snapshot is resumed.
   */
  public static Snapshot fromJson(String json, JsonLimits limits) {
    Objects.requireNonNull(limits, "limits");
    return new Snapshot(SnapshotEnvelope.read(json, limits), null, null, null, limits, json);
  }

  /** The snapshot as JSON; the same text on every call. */
  public String toJson() {
    String current = json;
    if (current == null) {
      current = SnapshotWriter.write(image, codecs, steps);
      json = current;
    }
    return current;
  }

  /** The format version it was written in. */
  public int formatVersion() {
    return envelope.format();
  }

  /** The name of the workflow whose run it is. */
  public String workflow() {
    return envelope.workflow();
  }

  /** The hash of the workflow's graph when it was taken. */
  public String graphHash() {
    return envelope.graphHash();
  }

  /** The id of the run; a resumed run keeps it. */
  public String runId() {
    return envelope.runId();
  }

  /** How many events the run had published on its stream when the snapshot was taken. */
  public long streamPosition() {
    return envelope.streamPosition();
  }

  /**
   * Whether the run had ended when the snapshot was taken. Such a snapshot holds the run's state
   * and store and nothing in flight: a new run continues from it with
   * {@link RunOptions.Builder#continueFrom(Snapshot)}, and {@link CompiledWorkflow#resume(Snapshot)}
   * refuses it.
   */
  public boolean isFinished() {
    return envelope.finished();
  }

  /**
   * How long the run had been alive when the snapshot was taken, over all its resumes: from each
   * start or resume to the cut (or to its end), not counting time it spent queued behind
   * {@code numConcurrentRuns} or out of memory between a snapshot and its resume. A run resumed
   * from this snapshot has this much less of its run timeout left.
   */
  public Duration elapsed() {
    return envelope.elapsed();
  }

  /** The limits its content is decoded within: those it was read with, else {@link #DEFAULT_LIMITS}. */
  public JsonLimits limits() {
    return limits;
  }

  @Override
  public String toString() {
    return "Snapshot[workflow '" + workflow() + "', run " + runId() + ", graph " + graphHash()
        + ", stream position " + streamPosition() + ", elapsed " + elapsed() + (isFinished() ? ", finished]" : "]");
  }
}
