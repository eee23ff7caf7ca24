package io.stepwise;

/**
 * Published on a run's stream the first time one of its {@link io.stepwise.observe.RunObserver}s
 * throws: the run goes on unchanged, but what that observer records of it may be incomplete.
 *
 * @param observer the observer's class name
 * @param callback the observer method that threw, such as {@code stepStarted}
 * @param errorType the class name of what it threw
 * @param errorMessage its message, or null
 */
public record ObserverFailedEvent(String observer, String callback, String errorType, String errorMessage)
    implements Event {}
