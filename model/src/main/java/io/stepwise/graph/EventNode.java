package io.stepwise.graph;

/**
 * An event type in the graph.
 *
 * @param type the fully qualified binary-free name, e.g. {@code com.example.JokeFlow.JokeEvent}
 * @param label the simple name shown in diagrams
 * @param kind the event's role
 */
public record EventNode(String type, String label, EventKind kind) {}
