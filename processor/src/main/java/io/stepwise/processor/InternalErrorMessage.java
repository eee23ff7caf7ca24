package io.stepwise.processor;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code [Stepwise/InternalError]}: the processor itself failed on a workflow. One error, on the
 * workflow, with what a bug report needs; never javac's "please file a bug against the compiler".
 */
final class InternalErrorMessage {
  /** Enough frames to find the failing line and how it was reached. */
  private static final int FRAMES = 6;

  private InternalErrorMessage() {}

  static String of(String workflowLabel, String qualifiedName, Throwable crash) {
    String frames = Arrays.stream(crash.getStackTrace())
        .limit(FRAMES)
        .map(frame -> "at " + frame)
        .collect(Collectors.joining(", "));
    return "[Stepwise/InternalError] The Stepwise processor failed on workflow class '" + workflowLabel + "' ("
        + qualifiedName + "): " + crash + (frames.isEmpty() ? "" : ", " + frames) + ". This is a bug in Stepwise,"
        + " not in your code: please report it to the Stepwise developers with this message and the workflow's source.";
  }
}
