package io.stepwise.graph;

/**
 * The colours and Mermaid class of each kind of node, shared by every renderer so a start event
 * looks the same in Mermaid, DOT and SVG (the SVG renderer lives in {@code stepwise-drawing}).
 */
public enum NodeStyle {
  STEP("step", "#dbe8ff", "#2f5faf", "#10213f"),
  START("start", "#c9f2d4", "#1e8a3c", "#0b3318"),
  STOP("stop", "#ffd3c2", "#c2410c", "#431407"),
  INPUT_REQUIRED("inputRequired", "#fff0a8", "#a16207", "#3d2a05"),
  HUMAN_RESPONSE("humanResponse", "#e6d7ff", "#6d28d9", "#2e1065"),
  EVENT("event", "#eceff3", "#6b7280", "#1f2937"),
  /** A node the drawn execution never reached. */
  IDLE("idle", "#fafafa", "#c4c4c4", "#9a9a9a"),
  /** The step whose failure ended the drawn execution. */
  FAILED("failed", "#ff9b9b", "#b91c1c", "#450a0a"),
  /** A resource from a {@code @Provides} method; drawn only in graphs that have one. */
  RESOURCE("resource", "#f5f0e6", "#8a6d3b", "#3b2f1a");

  private final String mermaidClass;
  private final String fill;
  private final String stroke;
  private final String text;

  NodeStyle(String mermaidClass, String fill, String stroke, String text) {
    this.mermaidClass = mermaidClass;
    this.fill = fill;
    this.stroke = stroke;
    this.text = text;
  }

  /** The Mermaid class name, e.g. {@code inputRequired}. */
  public String mermaidClass() {
    return mermaidClass;
  }

  /** Fill colour, {@code #rrggbb}. */
  public String fill() {
    return fill;
  }

  /** Border colour, {@code #rrggbb}. */
  public String stroke() {
    return stroke;
  }

  /** Label colour, {@code #rrggbb}. */
  public String text() {
    return text;
  }

  /** The style of an event node of this kind. */
  public static NodeStyle of(EventKind kind) {
    return switch (kind) {
      case START -> START;
      case STOP -> STOP;
      case INPUT_REQUIRED -> INPUT_REQUIRED;
      case HUMAN_RESPONSE -> HUMAN_RESPONSE;
      case INTERNAL -> EVENT;
    };
  }

  /** The Mermaid {@code classDef} line; stop events get a heavier border. */
  public String mermaidClassDef() {
    String width = this == STOP || this == FAILED ? "3px" : "1px";
    String dash = this == IDLE ? ",stroke-dasharray:4 3" : this == RESOURCE ? ",stroke-dasharray:2 2" : "";
    return "classDef " + mermaidClass + " fill:" + fill + ",stroke:" + stroke + ",color:" + text
        + ",stroke-width:" + width + dash;
  }
}
