/**
 * Snapshots and checkpoints: {@code RunImage}, a run as typed values; {@code RunCapture}, which
 * takes one at the loop's cut and hands checkpoints to a store ({@code StoreCheckpointing}) one at
 * a time ({@code CheckpointSink}); the snapshot JSON ({@code SnapshotWriter}, {@code SnapshotReader}
 * and their sections); and {@code Snapshots}, the runtime's way to the non-public side of the
 * public {@code Snapshot}.
 */
package io.stepwise.internal.snapshot;
