package io.stepwise.internal.state;

import io.stepwise.Store;
import io.stepwise.spi.UntypedJson;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A run's state and store: plain data shared by its step executions. Every change happens under
 * one lock, so edits are serialized and atomic, and a snapshot can take a consistent cut of both
 * with {@link #withLock}.
 */
public final class RunData implements Store {
  private final ReentrantLock lock = new ReentrantLock();
  private final String workflow;
  private final StateSupport support;
  private final Predicate<Object> ownType;
  private Object state;
  private final TreeMap<String, Object> store;

  /**
   * @param ownType whether a value is one of the workflow's own event or state types
   * @param state the initial state, null when the workflow has none
   * @param store the initial store entries, copied
   */
  public RunData(String workflow, StateSupport support, Predicate<Object> ownType, Object state,
      Map<String, Object> store) {
    this.workflow = workflow;
    this.support = support;
    this.ownType = ownType;
    this.state = state;
    this.store = new TreeMap<>(store);
  }

  /** A fresh run's data: a new state from the no-arg constructor and an empty store. */
  public static RunData fresh(String workflow, StateSupport support, Predicate<Object> ownType) {
    return new RunData(workflow, support, ownType, support.type() == null ? null : support.create().get(), Map.of());
  }

  /** Whether this data belongs to a run of a workflow with this state support. */
  public boolean sameWorkflow(String workflow, StateSupport support) {
    return this.workflow.equals(workflow) && this.support.type() == support.type();
  }

  /** Data for a run that continues this one: a copy of the state when possible, and of the store. */
  public RunData continued() {
    lock.lock();
    try {
      Object copy = state == null ? null : support.copy().apply(state);
      return new RunData(workflow, support, ownType, copy == null ? state : copy, store);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code action} while no edit or store change can happen. */
  public void withLock(Runnable action) {
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
    }
  }

  public Object state() {
    checkHasState();
    lock.lock();
    try {
      return state;
    } finally {
      lock.unlock();
    }
  }

  public void edit(Consumer<Object> edit) {
    Objects.requireNonNull(edit, "edit");
    checkHasState();
    lock.lock();
    try {
      Object copy = support.copy().apply(state);
      if (copy == null) {
        edit.accept(state); // the type cannot be copied: the edit applies in place
      } else {
        edit.accept(copy);
        state = copy; // only a completed edit replaces the state
      }
    } finally {
      lock.unlock();
    }
  }

  public Object update(UnaryOperator<Object> update) {
    Objects.requireNonNull(update, "update");
    checkHasState();
    lock.lock();
    try {
      Object next = update.apply(state);
      if (next == null) {
        throw new IllegalArgumentException("updateState of workflow '" + workflow
            + "' returned null; return the new state, or the old one to keep it");
      }
      if (!support.type().isInstance(next)) {
        throw new IllegalArgumentException("updateState of workflow '" + workflow + "' returned "
            + next.getClass().getName() + ", which is not its state type " + support.type().getName());
      }
      state = next;
      return next;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Object get(String key) {
    Objects.requireNonNull(key, "key");
    lock.lock();
    try {
      return store.get(key);
    } finally {
      lock.unlock();
    }
  }

  @Override
  @SuppressWarnings("unchecked") // checked against the default's class first
  public <T> T get(String key, T defaultValue) {
    Object value = get(key);
    if (value == null) {
      return defaultValue;
    }
    if (defaultValue != null && !defaultValue.getClass().isInstance(value)) {
      throw new ClassCastException("Store key '" + key + "' holds " + value.getClass().getName()
          + ", not " + defaultValue.getClass().getName() + " like the default given");
    }
    return (T) value;
  }

  @Override
  public void put(String key, Object value) {
    Objects.requireNonNull(key, "key");
    UntypedJson.Refusal problem = UntypedJson.refusal(key, value, ownType);
    if (problem != null) {
      throw new IllegalArgumentException("Cannot put " + problem.what() + " under key '"
          + key.replaceAll("\\p{Cs}", "?") + "' in the store of workflow '" + workflow + "': " + problem.why());
    }
    lock.lock();
    try {
      store.put(key, value);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Object remove(String key) {
    Objects.requireNonNull(key, "key");
    lock.lock();
    try {
      return store.remove(key);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Set<String> keys() {
    lock.lock();
    try {
      return Collections.unmodifiableSortedSet(new TreeSet<>(store.keySet()));
    } finally {
      lock.unlock();
    }
  }

  /** The store's entries, sorted by key; for snapshots and continued runs. */
  public Map<String, Object> storeEntries() {
    lock.lock();
    try {
      return new TreeMap<>(store);
    } finally {
      lock.unlock();
    }
  }

  /** The current state, null when the workflow has none; for snapshots and continued runs. */
  public Object currentState() {
    lock.lock();
    try {
      return state;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "Store" + keys();
  }

  private void checkHasState() {
    if (support.type() == null) {
      throw new IllegalStateException("Workflow '" + workflow + "' has no state type. Declare the state"
          + " type on a step's context parameter, e.g. Context<MyState> ctx, where MyState has a no-arg"
          + " constructor.");
    }
  }
}
