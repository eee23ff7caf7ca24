package io.stepwise.internal.snapshot;

import io.stepwise.JsonLimits;
import io.stepwise.Snapshot;
import io.stepwise.SnapshotException;
import io.stepwise.SnapshotException.Reason;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * What a snapshot says about itself, read without the workflow's codecs: format version, workflow,
 * graph hash, run id, stream position, whether the run had finished, and how long it had been
 * alive. Only the text up to the last of these is read (the writer puts them first);
 * {@link SnapshotReader} reads the whole text once, when the run resumes, and fails the same way
 * for malformed JSON after them.
 *
 * @param finished whether the run had ended when the snapshot was taken (written only when true)
 * @param elapsed the run's time alive over all its resumes (zero in snapshots written before it was recorded)
 */
public record SnapshotEnvelope(int format, String workflow, String graphHash, String runId, long streamPosition,
    boolean finished, Duration elapsed) {
  /** The envelope of a snapshot of a run in flight that had not been alive for any time. */
  public SnapshotEnvelope(int format, String workflow, String graphHash, String runId, long streamPosition) {
    this(format, workflow, graphHash, runId, streamPosition, false, Duration.ZERO);
  }

  private static final Set<String> ENVELOPE_FIELDS = Set.of(SnapshotFormat.FORMAT, SnapshotFormat.WORKFLOW,
      SnapshotFormat.GRAPH, SnapshotFormat.RUN_ID, SnapshotFormat.STREAM_POSITION, SnapshotFormat.FINISHED,
      SnapshotFormat.ELAPSED);
  private static final String FIX = " Pass the text Snapshot.toJson() wrote, unchanged.";
  private static final String RAISE = " If the snapshot comes from a trusted store, raise the limits with"
      + " Snapshot.fromJson(json, JsonLimits), or resume(runId, store, options, JsonLimits).";

  /** @throws SnapshotException MALFORMED, OVERSIZED or NEWER_VERSION */
  public static SnapshotEnvelope read(String json, JsonLimits limits) {
    if (json == null) {
      throw malformed("the input is null.");
    }
    if (json.length() > limits.maxChars()) {
      throw new SnapshotException(Reason.OVERSIZED, "Cannot read snapshot: it has " + json.length()
          + " characters, more than the limit of " + limits.maxChars() + "." + RAISE);
    }
    try (JsonParser parser = SnapshotFormat.factory(limits).createParser(ObjectReadContext.empty(), json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw malformed("it is not a JSON object.");
      }
      Integer format = null;
      String workflow = null;
      String graph = null;
      String runId = null;
      long position = -1;
      boolean finished = false;
      Duration elapsed = Duration.ZERO;
      JsonToken token = parser.nextToken();
      for (; token != JsonToken.END_OBJECT; token = parser.nextToken()) {
        if (token != JsonToken.PROPERTY_NAME) {
          throw malformed("expected a property name, found " + token + ".");
        }
        String name = parser.currentName();
        if (!ENVELOPE_FIELDS.contains(name) && format != null && workflow != null && graph != null && runId != null
            && position >= 0) {
          break; // the envelope is over: the rest is read once, by SnapshotReader, when the run resumes
        }
        JsonToken value = parser.nextToken();
        switch (name) {
          case SnapshotFormat.FORMAT -> {
            format = (int) integer(parser, value, name, Integer.MAX_VALUE);
            if (format > Snapshot.FORMAT_VERSION) {
              throw new SnapshotException(Reason.NEWER_VERSION, "Cannot read snapshot: its format version "
                  + format + " is newer than the version " + Snapshot.FORMAT_VERSION + " this Stepwise reads."
                  + " Resume it with the Stepwise version that wrote it, or a newer one.");
            }
          }
          case SnapshotFormat.WORKFLOW -> workflow = text(parser, value, name);
          case SnapshotFormat.GRAPH -> graph = text(parser, value, name);
          case SnapshotFormat.RUN_ID -> runId = text(parser, value, name);
          case SnapshotFormat.STREAM_POSITION -> position = integer(parser, value, name, Long.MAX_VALUE);
          case SnapshotFormat.FINISHED -> {
            if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
              throw malformed("\"" + name + "\" must be true or false.");
            }
            finished = value == JsonToken.VALUE_TRUE;
          }
          case SnapshotFormat.ELAPSED -> elapsed = duration(parser, value, name);
          default -> parser.skipChildren();
        }
      }
      if (format == null || format < 1) {
        throw malformed("it has no format version (a positive \"" + SnapshotFormat.FORMAT + "\").");
      }
      if (workflow == null || graph == null || runId == null || position < 0) {
        throw malformed("it lacks one of \"" + SnapshotFormat.WORKFLOW + "\", \"" + SnapshotFormat.GRAPH
            + "\", \"" + SnapshotFormat.RUN_ID + "\", \"" + SnapshotFormat.STREAM_POSITION + "\".");
      }
      if (token == JsonToken.END_OBJECT && parser.nextToken() != null) {
        throw malformed("unexpected content after the end of the object.");
      }
      return new SnapshotEnvelope(format, workflow, graph, runId, position, finished, elapsed);
    } catch (JacksonException e) {
      throw unreadable(e);
    }
  }

  /** What a snapshot that Jackson cannot read (malformed, or beyond a limit) fails with. */
  static SnapshotException unreadable(JacksonException e) {
    if (e instanceof StreamConstraintsException) {
      return new SnapshotException(Reason.OVERSIZED, "Cannot read snapshot: it exceeds a limit: "
          + e.getOriginalMessage() + RAISE, e);
    }
    TokenStreamLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return new SnapshotException(Reason.MALFORMED, "Cannot read snapshot: malformed JSON" + where + ": "
        + e.getOriginalMessage() + "." + FIX, e);
  }

  private static long integer(JsonParser parser, JsonToken value, String name, long max) {
    if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
        || parser.getLongValue() > max || parser.getLongValue() < 0) {
      throw malformed("\"" + name + "\" must be a non-negative integer.");
    }
    return parser.getLongValue();
  }

  private static Duration duration(JsonParser parser, JsonToken value, String name) {
    String text = text(parser, value, name);
    try {
      Duration duration = Duration.parse(text);
      if (!duration.isNegative()) {
        return duration;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw malformed("\"" + name + "\" must be a non-negative ISO-8601 duration such as \"PT1.5S\".");
  }

  private static String text(JsonParser parser, JsonToken value, String name) {
    if (value != JsonToken.VALUE_STRING) {
      throw malformed("\"" + name + "\" must be a string.");
    }
    return parser.getString();
  }

  static SnapshotException malformed(String problem) {
    return new SnapshotException(Reason.MALFORMED, "Cannot read snapshot: " + problem + FIX);
  }
}
