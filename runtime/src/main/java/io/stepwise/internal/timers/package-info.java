/**
 * The clock runs are driven by: {@code Timers}, the interface a driver schedules on, and
 * {@code SharedTimers}, one daemon thread over a deadline heap for every run of the JVM.
 */
package io.stepwise.internal.timers;
