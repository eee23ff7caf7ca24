/** Draws a workflow graph, or one run over it, as SVG and as a standalone HTML page. */
module io.stepwise.drawing {
  requires transitive io.stepwise.model;

  exports io.stepwise.drawing;
}
