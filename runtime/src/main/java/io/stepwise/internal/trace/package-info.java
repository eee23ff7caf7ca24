/**
 * Execution traces: {@code ExecutionRecorder} counts what a run does (steps run, events per edge,
 * failures) into an {@code io.stepwise.graph.ExecutionTrace}; {@code TraceRecording} reads those
 * counts from the ticks and commands the driver sees, so the loop knows nothing of traces.
 */
package io.stepwise.internal.trace;
