package io.stepwise.dbos;

/**
 * The one DBOS workflow function every Stepwise run is an execution of: DBOS journals its
 * arguments, queues it, and runs it again on a live worker when the worker that held it died.
 */
public interface RunWorkflow {
  /**
   * Drives a run to its end.
   *
   * @param workflow the Stepwise workflow's name
   * @param runId the run's id, which is also the DBOS workflow id
   * @param startJson the start event, as the workflow's codecs write it
   * @return the run's outcome: a status line, then the stop event's JSON or the failure
   */
  String drive(String workflow, String runId, String startJson) throws Exception;
}
