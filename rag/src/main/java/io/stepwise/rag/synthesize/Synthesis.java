package io.stepwise.rag.synthesize;

/**
 * An answer and who wrote it.
 *
 * @param answer the text, citing sources by their numbers, e.g. {@code [1]}
 * @param synthesizer a label a person should see next to the answer, e.g. that no model wrote it
 */
public record Synthesis(String answer, String synthesizer) {}
