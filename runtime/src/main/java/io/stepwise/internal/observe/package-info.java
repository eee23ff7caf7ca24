/**
 * Run observers: those installed in the JVM ({@code InstalledObservers}), a run's observer calls
 * made from what its driver sees ({@code RunObservation}), and calls that can never break the run
 * ({@code ObserverDispatch}).
 */
package io.stepwise.internal.observe;
