package io.stepwise.internal.children;

import io.stepwise.Event;
import io.stepwise.WorkflowHandler;
import io.stepwise.internal.Log;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every child run in flight of one run, across its step executions, by run id, so the run's
 * handler can deliver events from outside to them. A child that a resumed run's snapshot recorded
 * and that its re-run step has not resumed yet is <em>awaited</em>: it holds the events sent to it
 * until the step resumes it, since its workflow (and so what it accepts) is known only then.
 */
public final class RunChildren {

  /** A child run: its workflow's name, and its handle once it runs (null while it is awaited). */
  private static final class Entry {
    final String workflow;
    WorkflowHandler<?> handle;
    final List<Event> held = new ArrayList<>(1);

    Entry(String workflow) {
      this.workflow = workflow;
    }
  }

  // Guarded by this: a child goes from awaited to running while a caller may be holding events for it.
  // Made with the first child: most runs start none, and an idle run should hold nothing for them.
  private Map<String, Entry> children;

  private Map<String, Entry> children() {
    if (children == null) {
      children = new LinkedHashMap<>();
    }
    return children;
  }

  /** Records a child of a snapshot that a re-run execution will resume. */
  synchronized void awaitResume(String runId, String workflow) {
    children().putIfAbsent(runId, new Entry(workflow));
  }

  /** Records a running child and hands it the events held for it while it was awaited. */
  void running(String runId, String workflow, WorkflowHandler<?> handle) {
    List<Event> held;
    synchronized (this) {
      Entry entry = children().computeIfAbsent(runId, id -> new Entry(workflow));
      entry.handle = handle;
      held = List.copyOf(entry.held);
      entry.held.clear();
    }
    for (Event event : held) {
      if (!(handle instanceof LocalRun child) || !child.offer(event)) {
        Log.get().log(Level.WARNING, "child run {0} of workflow ''{1}'' was resumed and does not accept {2}, sent to it"
            + " while it was waiting to be resumed; the event is dropped", runId, workflow, event);
      }
    }
  }

  /** Forgets a child that ended, or an awaited child its execution will not resume. */
  synchronized void ended(String runId) {
    if (children != null) {
      children.remove(runId);
    }
  }

  /**
   * Delivers an event to the children that take it: each running child applies the rule of
   * {@link LocalRun#offer} (its steps, else its own children); each awaited child holds it.
   *
   * @return whether some child took it
   */
  public boolean offer(Event event) {
    List<WorkflowHandler<?>> running = new ArrayList<>(2);
    boolean held = false;
    synchronized (this) {
      if (children == null) {
        return false;
      }
      for (Entry entry : children.values()) {
        if (entry.handle != null) {
          running.add(entry.handle);
        } else {
          entry.held.add(event);
          held = true;
        }
      }
    }
    boolean taken = held;
    for (WorkflowHandler<?> handle : running) {
      if (handle instanceof LocalRun child && child.offer(event)) {
        taken = true;
      }
    }
    return taken;
  }

  /** The running child (or grandchild, at any depth) with this run id, or null; see {@link #holdFor} for awaited ones. */
  public WorkflowHandler<?> find(String runId) {
    List<WorkflowHandler<?>> running = new ArrayList<>();
    synchronized (this) {
      if (children == null) {
        return null;
      }
      Entry entry = children.get(runId);
      if (entry != null && entry.handle != null) {
        return entry.handle;
      }
      children.values().stream().filter(e -> e.handle != null).forEach(e -> running.add(e.handle));
    }
    for (WorkflowHandler<?> handle : running) {
      if (handle instanceof LocalRun child) {
        WorkflowHandler<?> found = child.children().find(runId);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * Holds an event for an awaited child (here or deeper), to be handed to it when it is resumed.
   *
   * @return whether an awaited child with this run id was found
   */
  public boolean holdFor(String runId, Event event) {
    List<WorkflowHandler<?>> running = new ArrayList<>();
    synchronized (this) {
      if (children == null) {
        return false;
      }
      Entry entry = children.get(runId);
      if (entry != null && entry.handle == null) {
        entry.held.add(event);
        return true;
      }
      children.values().stream().filter(e -> e.handle != null).forEach(e -> running.add(e.handle));
    }
    for (WorkflowHandler<?> handle : running) {
      if (handle instanceof LocalRun child && child.children().holdFor(runId, event)) {
        return true;
      }
    }
    return false;
  }

  /** The children in flight, as {@code runId (workflow)}, sorted; for error messages. */
  public synchronized TreeSet<String> describe() {
    TreeSet<String> described = new TreeSet<>();
    if (children == null) {
      return described;
    }
    children.forEach((runId, entry) -> described.add(runId + " (" + entry.workflow + ")"));
    return described;
  }
}
