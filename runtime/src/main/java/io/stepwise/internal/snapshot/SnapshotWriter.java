package io.stepwise.internal.snapshot;

import io.stepwise.Event;
import io.stepwise.Snapshot;
import io.stepwise.internal.children.ChildImage;
import io.stepwise.internal.loop.LoopImage;
import io.stepwise.internal.snapshot.RunImage;
import io.stepwise.spi.CodecRegistry;
import io.stepwise.spi.JsonCodecs;
import io.stepwise.spi.JsonWriter;
import io.stepwise.spi.StepDescriptor;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** Writes a {@link RunImage} as the snapshot format, with the workflow's codecs. */
public final class SnapshotWriter {
  private static final JsonFactory FACTORY = SnapshotFormat.factory(Snapshot.DEFAULT_LIMITS);

  private SnapshotWriter() {}

  public static String write(RunImage image, CodecRegistry codecs, List<StepDescriptor> steps) {
    var text = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
      var out = new JsonWriter(generator, SnapshotFormat.WRITE_DEPTH, Snapshot.DEFAULT_LIMITS.maxNumberLength());
      out.beginObject();
      out.name(SnapshotFormat.FORMAT);
      out.value(Snapshot.FORMAT_VERSION);
      out.name(SnapshotFormat.WORKFLOW);
      out.value(image.workflow());
      out.name(SnapshotFormat.GRAPH);
      out.value(image.graphHash());
      out.name(SnapshotFormat.RUN_ID);
      out.value(image.runId());
      out.name(SnapshotFormat.STREAM_POSITION);
      out.value(image.streamPosition());
      if (image.finished()) { // left out otherwise: a run in flight's snapshot reads as before
        out.name(SnapshotFormat.FINISHED);
        out.value(true);
      }
      out.name(SnapshotFormat.ELAPSED);
      out.write(JsonCodecs.DURATION, image.elapsed());
      out.name(SnapshotFormat.STATE);
      writeState(out, codecs, image.state());
      out.name(SnapshotFormat.STORE);
      var values = codecs.storeValues();
      out.beginObject();
      for (Map.Entry<String, Object> entry : image.store().entrySet()) {
        out.name(entry.getKey());
        out.write(values, entry.getValue());
      }
      out.endObject();
      LoopImage loop = image.loop();
      out.name(SnapshotFormat.STEPS);
      out.beginArray();
      for (LoopImage.StepImage step : loop.steps()) {
        writeStep(out, codecs, steps.get(step.step()).name(), step);
      }
      out.endArray();
      out.name(SnapshotFormat.EXECUTIONS);
      out.beginArray();
      for (int i = 0; i < loop.executions().size(); i++) {
        LoopImage.ExecutionImage execution = loop.executions().get(i);
        writeExecution(out, codecs, steps.get(execution.step()).name(), execution, childrenOf(image, i));
      }
      out.endArray();
      out.name(SnapshotFormat.WAITERS);
      out.beginArray();
      for (LoopImage.WaiterImage waiter : loop.waiters()) {
        out.beginObject();
        out.name("step");
        out.value(steps.get(waiter.step()).name());
        out.name("type");
        out.value(waiter.type());
        out.name("waiterEvent");
        out.write(codecs.events(), waiter.waiterEvent());
        out.name("timeout");
        out.write(JsonCodecs.DURATION, waiter.timeout());
        out.endObject();
      }
      out.endArray();
      out.endObject();
    }
    return text.toString();
  }

  private static <S> void writeState(JsonWriter out, CodecRegistry codecs, Object state) {
    var codec = codecs.state().orElse(null);
    if (state == null || codec == null) {
      out.nullValue();
    } else {
      writeTyped(out, codec, state);
    }
  }

  private static <S> void writeTyped(JsonWriter out, CodecRegistry.StateCodec<S> codec, Object state) {
    out.write(codec.codec(), codec.type().cast(state));
  }

  private static void writeStep(JsonWriter out, CodecRegistry codecs, String name, LoopImage.StepImage step) {
    out.beginObject();
    out.name("step");
    out.value(name);
    out.name("queued");
    out.beginArray();
    for (LoopImage.InputSetImage set : step.queued()) {
      out.beginObject();
      out.name("events");
      writeEvents(out, codecs, set.events());
      out.name("lineage");
      out.value(set.lineage());
      out.endObject();
    }
    out.endArray();
    out.name("joins");
    out.beginArray();
    for (List<LoopImage.Buffered> slot : step.joins()) {
      out.beginArray();
      for (LoopImage.Buffered buffered : slot) {
        out.beginObject();
        out.name("event");
        out.write(codecs.events(), buffered.event());
        out.name("lineage");
        out.value(buffered.lineage());
        out.endObject();
      }
      out.endArray();
    }
    out.endArray();
    out.name("collected");
    writeEvents(out, codecs, step.collected());
    if (!step.members().isEmpty() || !step.batches().isEmpty()) { // left out otherwise: the format is unchanged
      out.name(SnapshotFormat.MEMBERS);
      out.beginArray();
      for (LoopImage.Buffered member : step.members()) {
        out.beginObject();
        out.name("event");
        out.write(codecs.events(), member.event());
        out.name("lineage");
        out.value(member.lineage());
        out.endObject();
      }
      out.endArray();
      out.name(SnapshotFormat.BATCHES);
      out.beginArray();
      for (LoopImage.BatchImage batch : step.batches()) {
        out.beginObject();
        out.name("size");
        out.value(batch.size());
        out.name("lineage");
        out.value(batch.lineage());
        out.endObject();
      }
      out.endArray();
    }
    out.endObject();
  }

  private static void writeExecution(JsonWriter out, CodecRegistry codecs, String name,
      LoopImage.ExecutionImage execution, List<ChildImage> children) {
    out.beginObject();
    out.name("step");
    out.value(name);
    out.name("events");
    writeEvents(out, codecs, execution.events());
    out.name("attempt");
    out.value(execution.attempt());
    out.name("lineage");
    out.value(execution.lineage());
    out.name("elapsed");
    out.write(JsonCodecs.DURATION, execution.elapsed());
    out.name("errorType");
    out.write(JsonCodecs.STRING, execution.errorType());
    out.name("errorMessage");
    out.write(JsonCodecs.STRING, execution.errorMessage());
    out.name("retryIn");
    out.write(JsonCodecs.DURATION, execution.retryIn());
    if (!execution.progress().isEmpty()) {
      new ProgressSection(codecs).write(out, execution.progress());
    }
    if (!children.isEmpty()) { // left out when empty: the format of runs without children is unchanged
      out.name(SnapshotFormat.CHILDREN);
      out.beginArray();
      for (ChildImage child : children) {
        out.beginObject();
        out.name("call");
        out.value(child.call());
        out.name("workflow");
        out.value(child.workflow());
        out.name("snapshot");
        // The child's own snapshot, written by its own codecs, nested as it is (with its own children).
        out.generator().writeRawValue(child.snapshot().toJson());
        out.endObject();
      }
      out.endArray();
    }
    out.endObject();
  }

  private static List<ChildImage> childrenOf(RunImage image, int execution) {
    if (image.children().isEmpty()) {
      return List.of();
    }
    return image.children().stream().filter(child -> child.execution() == execution).toList();
  }

  private static void writeEvents(JsonWriter out, CodecRegistry codecs, List<Event> events) {
    out.beginArray();
    for (Event event : events) {
      out.write(codecs.events(), event);
    }
    out.endArray();
  }

}
