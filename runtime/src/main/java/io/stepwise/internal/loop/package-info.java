/**
 * The control loop of a run as a pure reducer: {@code RunLoop.reduce(tick)} folds a {@code Tick}
 * into the run's data (each step's queues and buffers, the executions in flight, the waits)
 * and emits {@code Command}s for a driver to carry out. No threads, clock or I/O, so it is tested
 * by feeding it ticks. Also here: what the loop decides with (routing, retries, recovery, how a
 * run ends) and {@code LoopImage}, its data at a cut, which a snapshot holds.
 */
package io.stepwise.internal.loop;
