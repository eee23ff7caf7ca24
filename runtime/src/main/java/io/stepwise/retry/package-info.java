/**
 * Building blocks of a {@link io.stepwise.RetryPolicy}: which errors are retried ({@link
 * io.stepwise.retry.RetryOn}), how long to wait before the next attempt ({@link
 * io.stepwise.retry.Backoff}), when to give up ({@link io.stepwise.retry.StopWhen}), and the
 * builder that composes them. Each combines with others of its kind ({@code or}, {@code and},
 * {@code plus}).
 */
package io.stepwise.retry;
