/**
 * The runtime's machinery, one subpackage per concern, none of it API: {@code loop} (the pure
 * control loop), {@code execution} (a step on its thread and the {@code Context} it sees),
 * {@code run} (the driver that joins the two, and the caller's handle), {@code children} (child
 * runs), {@code snapshot} (images, checkpoints and the snapshot JSON), {@code stream},
 * {@code timers}, {@code state} (a run's state and store), {@code observe} (observer calls),
 * {@code trace} (execution traces) and {@code json} (the JSON foundations). This package itself
 * holds only two tools every subpackage may use: the logger and a boxing-free long-keyed table.
 *
 * <p>Subpackages depend on each other without cycles: {@code run} on all the others but {@code json};
 * {@code observe} and {@code trace} on {@code execution} and {@code loop}; {@code snapshot} on
 * {@code children}, {@code state}, {@code timers}, {@code json} and {@code loop}; {@code execution}
 * on {@code children}, {@code state}, {@code stream} and {@code loop}; {@code children} on
 * {@code loop}; {@code loop}, {@code stream}, {@code timers}, {@code state} and {@code json} on no
 * other subpackage (but {@code state} on {@code json}).
 */
package io.stepwise.internal;
