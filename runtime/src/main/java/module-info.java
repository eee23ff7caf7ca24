/**
 * The Stepwise runtime: the API users call ({@code io.stepwise}), the contract generated code
 * calls ({@code io.stepwise.spi}), the run store SPI ({@code io.stepwise.store}), observers and
 * retry policies. The control loop ({@code io.stepwise.internal.*}) is not exported: its classes
 * may be public for their neighbours without being an API.
 */
module io.stepwise.runtime {
  requires transitive io.stepwise.annotations;
  requires transitive io.stepwise.model; // CompiledWorkflow.graph() returns a WorkflowGraph
  requires transitive tools.jackson.core; // spi.JsonReader/JsonWriter wrap Jackson's streaming API

  exports io.stepwise;
  exports io.stepwise.spi;
  exports io.stepwise.store;
  exports io.stepwise.observe;
  exports io.stepwise.retry;

  uses io.stepwise.spi.WorkflowDefinition;
  uses io.stepwise.observe.RunObserver;
}
