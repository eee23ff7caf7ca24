/**
 * A compiled workflow as data: its graph, the graph hash, and the JSON, Mermaid and DOT writers.
 * No dependencies; the processor uses it at build time and the runtime at run time.
 */
module io.stepwise.model {
  exports io.stepwise.graph;
}
