/**
 * A run's state and store as plain data shared by its step executions ({@code RunData}, every
 * change under one lock), how a workflow makes and copies its state ({@code StateSupport}), and
 * which values the store accepts ({@code JsonValues}: those a snapshot writes and reads back exactly).
 */
package io.stepwise.internal.state;
