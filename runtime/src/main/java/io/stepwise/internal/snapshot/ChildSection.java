package io.stepwise.internal.snapshot;

import io.stepwise.JsonDecodingException;
import io.stepwise.JsonLimits;
import io.stepwise.Snapshot;
import io.stepwise.SnapshotException;
import io.stepwise.internal.children.ChildImage;
import io.stepwise.spi.JsonReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Reads an execution's {@code "children"}: for each child run it waited for, the {@code runChild}
 * call, the child workflow's name and the child's own snapshot. The parent's codecs cannot decode
 * the child's content, so only its envelope is read here; the child's codecs decode the rest
 * when the re-run step resumes it.
 */
final class ChildSection {
  private static final String PREFIX = "Cannot read snapshot: ";
  private static final String FIX = " Pass the text Snapshot.toJson() wrote, unchanged.";

  private final String json;
  private final JsonLimits limits;

  /**
   * @param json the whole snapshot text, which the child's snapshot is cut from
   * @param limits those the whole text is read within, which hold for any part of it
   */
  ChildSection(String json, JsonLimits limits) {
    this.json = json;
    this.limits = limits;
  }

  List<ChildImage> read(JsonReader in, int execution) {
    List<ChildImage> children = new ArrayList<>();
    Set<Integer> calls = new HashSet<>();
    in.beginArray();
    while (in.nextElement()) {
      ChildImage child = child(in, execution);
      if (!calls.add(child.call())) {
        throw in.fail("runChild call " + child.call() + " appears twice");
      }
      children.add(child);
    }
    return children;
  }

  private ChildImage child(JsonReader in, int execution) {
    int call = -1;
    String workflow = null;
    Snapshot snapshot = null;
    in.beginObject();
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "call" -> {
          call = in.readInt();
          if (call < 0) {
            throw in.fail("call must not be negative");
          }
        }
        case "workflow" -> workflow = in.readString();
        case "snapshot" -> snapshot = snapshot(in);
        default -> in.skipValue();
      }
    }
    if (call < 0 || workflow == null || snapshot == null) {
      throw in.fail("a child entry needs \"call\", \"workflow\" and \"snapshot\"");
    }
    if (!snapshot.workflow().equals(workflow)) {
      throw in.fail("the child's snapshot is of workflow '" + shown(snapshot.workflow())
          + "', but its entry names workflow '" + shown(workflow) + "'");
    }
    return new ChildImage(execution, call, workflow, snapshot);
  }

  /** The child's snapshot as the text it was written as; only its envelope is read now. */
  private Snapshot snapshot(JsonReader in) {
    in.expect(JsonToken.START_OBJECT, "the child's snapshot, an object");
    TokenStreamLocation at = in.parser().currentTokenLocation();
    long start = at.getCharOffset();
    in.skipValue();
    long end = in.parser().currentTokenLocation().getCharOffset() + 1;
    try {
      return Snapshot.fromJson(json.substring((int) start, (int) end),
          limits.withMaxChars(Math.max(limits.maxChars(), json.length())));
    } catch (SnapshotException e) {
      // Reported where the child's snapshot starts, as JsonReader.fail would have before skipping it.
      throw new JsonDecodingException("Cannot decode JSON at " + in.path() + " (line " + at.getLineNr() + ", column "
          + at.getColumnNr() + "): the child's snapshot cannot be read: " + problem(e.getMessage()) + ".", e);
    }
  }

  private static String problem(String message) {
    String problem = message.startsWith(PREFIX) ? message.substring(PREFIX.length()) : message;
    problem = problem.endsWith(FIX) ? problem.substring(0, problem.length() - FIX.length()) : problem;
    return problem.endsWith(".") ? problem.substring(0, problem.length() - 1) : problem;
  }

  private static String shown(String name) {
    return name.length() > 80 ? name.substring(0, 80) + "..." : name;
  }
}
