package io.stepwise.dbos;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.workflow.Workflow;
import java.util.Map;

/** Looks up the registered workflow by name and drives the run on this worker. */
final class RunWorkflowFunction implements RunWorkflow {
  static final String NAME = "stepwise.run";

  private final Map<String, RunDriving<?, ?>> drivers;

  RunWorkflowFunction(Map<String, RunDriving<?, ?>> drivers) {
    this.drivers = drivers;
  }

  @Override
  @Workflow(name = NAME)
  public String drive(String workflow, String runId, String startJson) throws Exception {
    RunDriving<?, ?> driving = drivers.get(workflow);
    if (driving == null) {
      throw new IllegalStateException("Run " + runId + " is of workflow '" + workflow + "', which this worker did not"
          + " register; register it with StepwiseDbos.builder().register(...) on every worker");
    }
    // The DBOS workflow id says which generation of the run this is (see Parking).
    return driving.drive(runId, startJson, Parking.generationOf(runId, DBOS.workflowId()));
  }
}
