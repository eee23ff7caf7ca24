package io.stepwise.internal.execution;

import io.stepwise.Store;
import java.util.Set;

/**
 * The run's store as one step execution sees it: once the execution was cancelled (the run ended,
 * failed or timed out, or the step timed out), writes throw instead of changing a run that has
 * moved on without it, even when the step ignores its interrupt.
 */
final class ExecutionStore implements Store {
  private final StepContext execution;
  private final Store store;

  ExecutionStore(StepContext execution, Store store) {
    this.execution = execution;
    this.store = store;
  }

  @Override
  public Object get(String key) {
    return store.get(key);
  }

  @Override
  public <T> T get(String key, T defaultValue) {
    return store.get(key, defaultValue);
  }

  @Override
  public void put(String key, Object value) {
    execution.checkLive("putting '" + key + "' in the store");
    store.put(key, value);
  }

  @Override
  public Object remove(String key) {
    execution.checkLive("removing '" + key + "' from the store");
    return store.remove(key);
  }

  @Override
  public Set<String> keys() {
    return store.keys();
  }
}
