package io.stepwise.drawing;

import io.stepwise.graph.Answers;
import io.stepwise.graph.Edge;
import io.stepwise.graph.EdgeKind;
import io.stepwise.graph.EventKind;
import io.stepwise.graph.NodeIds;
import io.stepwise.graph.ResourceNode;
import io.stepwise.graph.ResourceUse;
import io.stepwise.graph.WorkflowGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layered drawing of the graph, top to bottom, for the SVG renderer: back edges of cycles are
 * set aside, each node goes on the layer of its longest path from a source, and a few barycentre
 * sweeps order each layer to reduce crossings. Small and deterministic; graphs of workflows are
 * tens of nodes, not thousands.
 */
final class GraphLayout {
  static final int NODE_HEIGHT = 32;
  static final int LAYER_GAP = 38;
  static final int NODE_GAP = 36;
  static final int MARGIN = 20;
  // Wide enough for a 13px sans-serif label in the fonts a browser falls back to.
  static final double CHAR_WIDTH = 7.6;

  /** A placed node; {@code x, y} is its top-left corner. */
  record Box(String id, int layer, double x, double y, double width) {
    double centerX() {
      return x + width / 2;
    }

    double bottom() {
      return y + NODE_HEIGHT;
    }
  }

  /**
   * An edge between two node ids; {@code back} when it closes a cycle (drawn around the side);
   * {@code edge} is null for a link from a resource to a provider or step that takes it, and from a
   * question to its answer.
   */
  record Link(String from, String to, Edge edge, boolean back, boolean answer) {
    Link(String from, String to, Edge edge, boolean back) {
      this(from, to, edge, back, false);
    }
  }

  private final Map<String, Box> boxes = new LinkedHashMap<>();
  private final List<Link> links = new ArrayList<>();
  private final double width;
  private final double height;

  GraphLayout(WorkflowGraph graph, Map<String, String> labels, NodeIds ids) {
    // Nodes in a stable order: start events first, so the drawing reads from the top.
    var nodes = new ArrayList<String>();
    graph.events().stream().filter(e -> e.kind() == EventKind.START).forEach(e -> nodes.add(ids.event(e.type())));
    graph.steps().forEach(s -> nodes.add(NodeIds.step(s.name())));
    graph.events().stream().filter(e -> e.kind() != EventKind.START).forEach(e -> nodes.add(ids.event(e.type())));
    graph.resources().forEach(r -> nodes.add(NodeIds.resource(r.name())));

    Map<String, List<String>> out = new HashMap<>();
    nodes.forEach(n -> out.put(n, new ArrayList<>()));
    var raw = new ArrayList<Link>();
    for (Edge edge : graph.edges()) {
      String step = NodeIds.step(edge.step());
      String event = ids.event(edge.event());
      boolean consumes = edge.kind() == EdgeKind.CONSUMES;
      raw.add(new Link(consumes ? event : step, consumes ? step : event, edge, false));
      out.get(consumes ? event : step).add(consumes ? step : event);
    }
    for (ResourceNode resource : graph.resources()) {
      for (String dependency : resource.dependsOn()) {
        raw.add(new Link(NodeIds.resource(dependency), NodeIds.resource(resource.name()), null, false));
        out.get(NodeIds.resource(dependency)).add(NodeIds.resource(resource.name()));
      }
    }
    // The caller's answer follows the question: laid out as an edge, so a review loop is a loop.
    for (Answers.Answer answer : Answers.of(graph)) {
      String question = ids.event(answer.question().type());
      String response = ids.event(answer.response().type());
      raw.add(new Link(question, response, null, false, true));
      out.get(question).add(response);
    }
    for (ResourceUse use : graph.resourceUses()) {
      raw.add(new Link(NodeIds.resource(use.resource()), NodeIds.step(use.step()), null, false));
      out.get(NodeIds.resource(use.resource())).add(NodeIds.step(use.step()));
    }

    List<String> discovery = new ArrayList<>();
    Set<String> backPairs = backEdges(nodes, out, discovery);
    for (Link link : raw) {
      links.add(new Link(link.from(), link.to(), link.edge(), backPairs.contains(link.from() + "\u0000" + link.to()),
          link.answer()));
    }

    Map<String, Integer> layer = layers(discovery);
    sinkResources(graph, layer);
    int layerCount = layer.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < layerCount; i++) {
      rows.add(new ArrayList<>());
    }
    discovery.forEach(n -> rows.get(layer.get(n)).add(n));
    order(rows);

    Map<String, Double> widths = new HashMap<>();
    labels.forEach((id, label) -> widths.put(id, Math.max(90, Math.ceil(label.length() * CHAR_WIDTH) + 28)));
    double widest = 0;
    for (List<String> row : rows) {
      widest = Math.max(widest, row.stream().mapToDouble(widths::get).sum() + NODE_GAP * (row.size() - 1));
    }
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      double rowWidth = row.stream().mapToDouble(widths::get).sum() + NODE_GAP * (row.size() - 1);
      double x = MARGIN + (widest - rowWidth) / 2;
      for (String id : row) {
        boxes.put(id, new Box(id, i, x, MARGIN + i * (NODE_HEIGHT + LAYER_GAP), widths.get(id)));
        x += widths.get(id) + NODE_GAP;
      }
    }
    long backCount = links.stream().filter(Link::back).count();
    // Back edges loop out to the right of the drawing; leave them room.
    this.width = Math.ceil(widest + 2 * MARGIN + (backCount > 0 ? 30 + 14 * backCount : 0));
    this.height = Math.max(1, rows.size()) * (NODE_HEIGHT + LAYER_GAP) - LAYER_GAP + 2 * MARGIN;
  }

  /** Depth-first from each node in order; an edge to a node still on the stack closes a cycle. */
  private Set<String> backEdges(List<String> nodes, Map<String, List<String>> out, List<String> discovery) {
    Set<String> back = new HashSet<>();
    Set<String> done = new HashSet<>();
    Set<String> onStack = new HashSet<>();
    for (String root : nodes) {
      if (!done.contains(root)) {
        visit(root, out, done, onStack, back, discovery);
      }
    }
    return back;
  }

  private void visit(String node, Map<String, List<String>> out, Set<String> done, Set<String> onStack,
      Set<String> back, List<String> discovery) {
    done.add(node);
    onStack.add(node);
    discovery.add(node);
    for (String next : out.get(node)) {
      if (onStack.contains(next)) {
        back.add(node + "\u0000" + next);
      } else if (!done.contains(next)) {
        visit(next, out, done, onStack, back, discovery);
      }
    }
    onStack.remove(node);
  }

  /** Longest path from a source over forward edges (those left once back edges are set aside). */
  private Map<String, Integer> layers(List<String> discovery) {
    Map<String, Integer> layer = new HashMap<>();
    discovery.forEach(n -> layer.put(n, 0));
    // Relax until stable: forward edges form a DAG, so this ends after at most |nodes| passes.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Link link : links) {
        if (!link.back() && layer.get(link.to()) < layer.get(link.from()) + 1) {
          layer.put(link.to(), layer.get(link.from()) + 1);
          changed = true;
        }
      }
    }
    return layer;
  }

  /**
   * Moves each resource down to just above the first layer that takes it, so it sits next to its
   * steps rather than in the top row; users first, since a provider's resource takes the place of
   * its own resources.
   */
  private void sinkResources(WorkflowGraph graph, Map<String, Integer> layer) {
    for (int pass = 0; pass < graph.resources().size(); pass++) {
      for (ResourceNode resource : graph.resources()) {
        String id = NodeIds.resource(resource.name());
        links.stream()
            .filter(link -> link.edge() == null && link.from().equals(id))
            .mapToInt(link -> layer.get(link.to()) - 1)
            .min()
            .ifPresent(below -> layer.put(id, Math.max(layer.get(id), below)));
      }
    }
  }

  /** Barycentre sweeps, down then up, over forward edges between neighbouring layers. */
  private void order(List<List<String>> rows) {
    for (int sweep = 0; sweep < 4; sweep++) {
      boolean down = sweep % 2 == 0;
      for (int k = 1; k < rows.size(); k++) {
        int i = down ? k : rows.size() - 1 - k;
        List<String> fixed = rows.get(down ? i - 1 : i + 1);
        List<String> row = rows.get(i);
        Map<String, Double> centre = new HashMap<>();
        for (int p = 0; p < row.size(); p++) {
          String node = row.get(p);
          double sum = 0;
          int count = 0;
          for (Link link : links) {
            String other = down ? (link.to().equals(node) ? link.from() : null) : (link.from().equals(node) ? link.to() : null);
            int at = other == null || link.back() ? -1 : fixed.indexOf(other);
            if (at >= 0) {
              sum += at;
              count++;
            }
          }
          // A node with no neighbour there keeps its place relative to the others.
          centre.put(node, count == 0 ? p * (fixed.size() / (double) Math.max(1, row.size())) : sum / count);
        }
        row.sort(Comparator.comparingDouble(centre::get));
      }
    }
  }

  Box box(String id) {
    return boxes.get(id);
  }

  List<Box> boxes() {
    return List.copyOf(boxes.values());
  }

  List<Link> links() {
    return List.copyOf(links);
  }

  double width() {
    return width;
  }

  double height() {
    return height;
  }
}
