package io.stepwise.processor.codegen;

import static io.stepwise.processor.codegen.RuntimeTypes.EDGE;
import static io.stepwise.processor.codegen.RuntimeTypes.EDGE_KIND;
import static io.stepwise.processor.codegen.RuntimeTypes.EVENT_KIND;
import static io.stepwise.processor.codegen.RuntimeTypes.EVENT_NODE;
import static io.stepwise.processor.codegen.RuntimeTypes.RETRY_SETTINGS;
import static io.stepwise.processor.codegen.RuntimeTypes.STEP_NODE;
import static io.stepwise.processor.codegen.RuntimeTypes.WORKFLOW_GRAPH;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.RetrySpec;
import io.stepwise.processor.model.StepModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The {@code GRAPH} constant: the event graph as proven, with every list sorted for stable renderings. */
final class GraphGenerator {
  enum EdgeKind { CONSUMES, PRODUCES }

  record Edge(EdgeKind kind, String step, String event) {}

  private GraphGenerator() {}

  static CodeBlock graph(EventIndex index) {
    var steps = index.workflow().steps().stream()
        .sorted(Comparator.comparing(StepModel::name))
        .map(s -> CodeBlock.of("new $T($S, $L, $L, $L)",
            STEP_NODE, s.name(), s.workers(), retry(s.retry()), CodeBlocks.duration(s.timeout())))
        .toList();
    var events = index.events().stream()
        .map(e -> CodeBlock.of("new $T($S, $S, $T.$L)", EVENT_NODE, e.canonicalName(), e.label(), EVENT_KIND, e.role()))
        .toList();
    var edges = edges(index).stream()
        .map(e -> CodeBlock.of("new $T($T.$L, $S, $S)", EDGE, EDGE_KIND, e.kind(), e.step(), e.event()))
        .toList();
    return CodeBlock.builder()
        .add("new $T($S,\n$>$>", WORKFLOW_GRAPH, index.workflow().name())
        .add("$L,\n", CodeBlocks.multilineList(steps))
        .add("$L,\n", CodeBlocks.multilineList(events))
        .add("$L)$<$<", CodeBlocks.multilineList(edges))
        .build();
  }

  private static CodeBlock retry(RetrySpec retry) {
    if (retry.isNone()) {
      return CodeBlock.of("$T.NONE", RETRY_SETTINGS);
    }
    return CodeBlock.of("new $T($L, $L, $L, $L, $L, $L, $L)",
        RETRY_SETTINGS,
        retry.maxAttempts(),
        CodeBlocks.duration(retry.delay()),
        retry.backoff(),
        CodeBlocks.duration(retry.maxDelay()),
        retry.jitter(),
        names(retry.on()),
        names(retry.notOn()));
  }

  private static CodeBlock names(List<ClassName> types) {
    return CodeBlock.of("$T.of($L)", List.class,
        types.stream().map(t -> CodeBlock.of("$S", t.canonicalName())).collect(CodeBlock.joining(", ")));
  }

  /** Edges sorted by kind, step, then event; shared with the graph resources so both list them alike. */
  static List<Edge> edges(EventIndex index) {
    var edges = new ArrayList<Edge>();
    for (StepModel step : index.workflow().steps()) {
      for (EventType event : step.accepted()) {
        edges.add(new Edge(EdgeKind.CONSUMES, step.name(), event.canonicalName()));
      }
      for (EventType event : step.produced()) {
        edges.add(new Edge(EdgeKind.PRODUCES, step.name(), event.canonicalName()));
      }
    }
    edges.sort(Comparator.comparing(Edge::kind).thenComparing(Edge::step).thenComparing(Edge::event));
    return edges;
  }
}
