package io.stepwise.observe;

/**
 * A step execution started a child run with {@code ctx.runChild} (or resumed the one its
 * snapshot recorded). The child's own {@link RunObserver#runStarted} came just before, on the same
 * thread.
 */
public record ChildRunStarted(ObservedRun run, String step, long execution, String childWorkflow,
    String childRunId) {}
