package io.stepwise.graph;

/**
 * An edge between a step and an event type ({@link EventNode#type()}).
 *
 * @param kind {@link EdgeKind#CONSUMES}: the event flows into the step;
 *     {@link EdgeKind#PRODUCES}: the step emits the event
 */
public record Edge(EdgeKind kind, String step, String event) {}
