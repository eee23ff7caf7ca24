package io.stepwise.store.directory;

import io.stepwise.store.Checkpoint;
import io.stepwise.store.RunStoreRules;
import io.stepwise.store.StoredRun;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * A stored run as one JSON document, the content of a {@link DirectoryRunStore} file. The snapshot
 * is kept as a string, so it comes back exactly as it was saved.
 */
final class RunRecordJson {
  /** Bumped when the layout changes; a file of another format is refused, not guessed at. */
  static final int FORMAT = 1;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE)
          .maxDocumentLength(Long.MAX_VALUE)
          .maxNestingDepth(16)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // a record naming a field twice is corrupt
      .build();

  private RunRecordJson() {}

  static String write(StoredRun run) {
    Checkpoint checkpoint = run.checkpoint();
    StringWriter text = new StringWriter(checkpoint.snapshotJson().length() + 256);
    try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
      json.writeStartObject();
      json.writeNumberProperty("format", FORMAT);
      json.writeStringProperty("runId", checkpoint.runId());
      json.writeStringProperty("workflow", checkpoint.workflow());
      json.writeStringProperty("graphHash", checkpoint.graphHash());
      json.writeStringProperty("status", checkpoint.status().name());
      json.writeNumberProperty("version", run.version());
      json.writeStringProperty("updatedAt", run.updatedAt().toString());
      json.writeStringProperty("snapshot", checkpoint.snapshotJson());
      json.writeEndObject();
    }
    return text.toString();
  }

  /** Parses a record; throws {@link IllegalArgumentException} saying what is wrong with it. */
  static StoredRun read(String text) {
    Integer format = null;
    Long version = null;
    String runId = null;
    String workflow = null;
    String graphHash = null;
    String status = null;
    String updatedAt = null;
    String snapshot = null;
    try (JsonParser json = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("it is not a JSON object");
      }
      while (json.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        switch (name) {
          case "format" -> format = json.getIntValue();
          case "version" -> version = json.getLongValue();
          case "runId" -> runId = string(json, value, name);
          case "workflow" -> workflow = string(json, value, name);
          case "graphHash" -> graphHash = string(json, value, name);
          case "status" -> status = string(json, value, name);
          case "updatedAt" -> updatedAt = string(json, value, name);
          case "snapshot" -> snapshot = string(json, value, name);
          default -> json.skipChildren();
        }
      }
      if (json.nextToken() != null) {
        throw new IllegalArgumentException("it has content after the record");
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException("it is not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (format == null || format != FORMAT) {
      throw new IllegalArgumentException(
          "its format is " + format + ", this version of Stepwise reads format " + FORMAT);
    }
    require(runId, "runId");
    require(status, "status");
    require(updatedAt, "updatedAt");
    if (version == null) {
      throw new IllegalArgumentException("it has no version");
    }
    try {
      return new StoredRun(
          new Checkpoint(runId, workflow, graphHash, RunStoreRules.status(status), snapshot),
          version, Instant.parse(updatedAt));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("its updatedAt '" + updatedAt + "' is not an ISO-8601 instant", e);
    }
  }

  /** The status named {@code name}; throws {@link IllegalArgumentException} naming the known ones. */

  private static String string(JsonParser json, JsonToken value, String name) {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.VALUE_STRING) {
      throw new IllegalArgumentException("its " + name + " is not a string");
    }
    return json.getString();
  }

  private static void require(String value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("it has no " + name);
    }
  }
}
