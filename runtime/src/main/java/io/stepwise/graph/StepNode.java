package io.stepwise.graph;

/** A step in the graph, with its concurrency limit. */
public record StepNode(String name, int workers) {}
