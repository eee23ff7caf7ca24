package io.stepwise;

/**
 * Published on the stream of a run whose {@link SaveFailurePolicy} is {@code CONTINUE} when a
 * checkpoint could not be saved: the run goes on, but its store holds an older checkpoint.
 *
 * @param errorType the class name of what failed the save
 * @param errorMessage its message, or null
 */
public record CheckpointFailedEvent(String errorType, String errorMessage) implements Event {}
