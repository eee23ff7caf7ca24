package io.stepwise.processor;

import io.stepwise.processor.validation.InternalErrorRule;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code [Stepwise/InternalError]}: the processor itself failed on a workflow. One error, on the
 * workflow, with what a bug report needs; never javac's "please file a bug against the compiler".
 */
final class InternalErrorMessage {
  /** Enough frames to find the failing line and how it was reached. */
  private static final int FRAMES = 6;
  private static final InternalErrorRule INTERNAL_ERROR = new InternalErrorRule();

  private InternalErrorMessage() {}

  /** The processor failed while reading one workflow. */
  static String of(String workflowLabel, String qualifiedName, Throwable crash) {
    return INTERNAL_ERROR.message("The Stepwise processor failed on workflow class '" + workflowLabel + "' (")
        + qualifiedName + "): " + trace(crash) + ". This is a bug in Stepwise, not in your code: please report it"
        + " to the Stepwise developers with this message and the workflow's source.";
  }

  /** The processor failed outside any one workflow. */
  static String of(Throwable crash) {
    return INTERNAL_ERROR.message("The Stepwise processor failed: ") + trace(crash) + ". This is a bug in"
        + " Stepwise, not in your code: please report it to the Stepwise developers with this message.";
  }

  private static String trace(Throwable crash) {
    String frames = Arrays.stream(crash.getStackTrace())
        .limit(FRAMES)
        .map(frame -> "at " + frame)
        .collect(Collectors.joining(", "));
    return crash + (frames.isEmpty() ? "" : ", " + frames);
  }
}
