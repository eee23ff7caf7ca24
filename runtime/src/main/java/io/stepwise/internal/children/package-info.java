/**
 * Child runs started with {@code ctx.runChild}: those of one execution ({@code ExecutionChildren},
 * which reads each child's stream into its parent's and cancels them with it), those of a
 * whole run by run id ({@code RunChildren}, so events from outside reach them), and children across
 * a parent's snapshot ({@code ChildImage}, {@code ChildSnapshots}: taken after the parent's cut,
 * handed back to the re-run executions on resume).
 */
package io.stepwise.internal.children;
