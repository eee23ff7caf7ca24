/**
 * A run's state and store as plain data shared by its step executions ({@code RunData}, every
 * change under one lock) and how a workflow makes and copies its state ({@code StateSupport}). Which
 * values the store accepts (those a snapshot writes and reads back exactly) is the store codec's
 * rule, {@code spi.UntypedJson.refusal}.
 */
package io.stepwise.internal.state;
