package io.stepwise.dbos;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.StartWorkflowOptions;
import dev.dbos.transact.workflow.Queue;
import java.sql.SQLException;
import java.util.Map;

/**
 * Idle release on DBOS: a held run that rests waiting only for the outside is let go from its
 * worker (it frees its slot and its memory) and <em>parked</em>; the next event or cancel sent to it
 * wakes it, on whichever worker takes it, from its last checkpoint.
 *
 * <p>DBOS workflow ids are unique and a DBOS workflow that returned never runs again, so a run
 * lives through <em>generations</em>: generation 0 is the DBOS workflow {@code runId}, generation
 * {@code g} after its {@code g}-th wake-up is {@code runId#wake-g}. The run's hold row
 * ({@code stepwise_holders}) says which generation is current, whether the run is parked, and
 * whether a wake-up's DBOS workflow may still need queueing; a DBOS workflow of an older generation
 * never claims the run ({@link RunTables#claim}) and ends without an outcome.
 *
 * <p>The protocol, all through the hold row, which every party locks first:
 * <ol>
 *   <li>The holder releases the run from memory ({@code WorkflowHandler.release()}, which only a
 *       run that can do nothing but wait for an event from outside accepts), then parks it
 *       ({@link RunTables#park}) unless an event or a cancel came meanwhile (then it resumes it at
 *       once, where it is). A worker killed before that commit leaves a run held by a dead worker:
 *       requeued and resumed as any.
 *   <li>{@code send} and {@code cancel} store the event or cancel and, if the run is parked, move
 *       it to its next generation in the same transaction, then queue that generation's DBOS
 *       workflow. A caller killed between the two leaves {@code waking} set: every worker's sweep
 *       queues the missing DBOS workflow ({@link #requeueWakes}); queueing an id twice queues it once.
 * </ol>
 * An event is thus always either seen by the parking (no park) or sees the park (a wake-up), and
 * two processes that wake one run at once make one generation.
 */
final class Parking {
  /** Between the run id and the generation in a woken run's DBOS workflow id. */
  static final String WAKE = "#wake-";

  private final DBOS dbos;
  private final RunWorkflow runs;
  private final RunTables tables;
  private final Map<String, Queue> queues;

  Parking(DBOS dbos, RunWorkflow runs, RunTables tables, Map<String, Queue> queues) {
    this.dbos = dbos;
    this.runs = runs;
    this.tables = tables;
    this.queues = queues;
  }

  /** The DBOS workflow id of the run's generation. */
  static String dbosId(String runId, long generation) {
    return generation == 0 ? runId : runId + WAKE + generation;
  }

  /** The generation of the DBOS workflow {@code dbosId} of run {@code runId}. */
  static long generationOf(String runId, String dbosId) {
    if (dbosId == null || dbosId.equals(runId)) {
      return 0;
    }
    if (dbosId.startsWith(runId + WAKE)) {
      return Long.parseLong(dbosId.substring(runId.length() + WAKE.length()));
    }
    throw new IllegalStateException("DBOS workflow " + dbosId + " is not a generation of run " + runId);
  }

  /** Queues the DBOS workflow of a woken run's generation on its workflow's queue. */
  static void queueWake(DBOS dbos, RunWorkflow runs, Queue queue, String workflow, String runId, long generation) {
    // The start event is not needed: a parked run always has a saved checkpoint to resume from.
    dbos.startWorkflow(() -> runs.drive(workflow, runId, ""),
        new StartWorkflowOptions(dbosId(runId, generation)).withQueue(queue));
  }

  /** Queues the DBOS workflows of woken runs that have none (their waker died); at every sweep. */
  void requeueWakes() throws SQLException {
    for (RunTables.Wake wake : tables.unqueuedWakes()) {
      Queue queue = queues.get(wake.workflow());
      if (queue != null) { // a workflow this process did not register is left to one that did
        queueWake(dbos, runs, queue, wake.workflow(), wake.runId(), wake.generation());
      }
    }
  }
}
