/** Traces Stepwise runs with OpenTelemetry: a span per run and per step, through the runtime's observer SPI. */
module io.stepwise.opentelemetry {
  requires transitive io.stepwise.runtime;
  requires transitive io.opentelemetry.api; // TracingObserver is built from an OpenTelemetry
  requires io.opentelemetry.context;

  exports io.stepwise.opentelemetry;
}
