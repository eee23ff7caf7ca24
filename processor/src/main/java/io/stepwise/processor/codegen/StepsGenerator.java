package io.stepwise.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.stepwise.processor.model.CatchSpec;
import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.FanInSource;
import io.stepwise.processor.model.RetrySpec;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.StepParam;
import io.stepwise.processor.model.WorkflowModel;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code STEPS} table: one {@code StepDescriptor} per step, in dispatch order, each stated once
 * with its settings named ({@code step(0, "name").accepts(...).workers(4).build()}). Settings that
 * are "none" (no timeout, no retry, nothing awaited) are left out.
 */
final class StepsGenerator {
  /** The runtime's builder; {@code step} is imported statically by the generated class. */
  static final ClassName BUILDER = ClassName.get("io.stepwise.spi", "StepDescriptorBuilder");

  private StepsGenerator() {}

  static CodeBlock steps(WorkflowModel workflow) {
    Map<StepModel, Integer> fanOuts = fanOuts(workflow);
    return CodeBlocks.multilineList(workflow.steps().stream().map(step -> descriptor(step, fanOuts)).toList());
  }

  /** Each fan-in's fan-out, the step whose lists count its batches; the graph rules proved there is one. */
  static Map<StepModel, Integer> fanOuts(WorkflowModel workflow) {
    Map<StepModel, Integer> fanOuts = new HashMap<>();
    if (workflow.steps().stream().anyMatch(StepModel::isFanIn)) {
      FanInSource.all(new EventIndex(workflow)).forEach(s -> fanOuts.put(s.fanIn(), s.fanOut().index()));
    }
    return fanOuts;
  }

  private static CodeBlock descriptor(StepModel step, Map<StepModel, Integer> fanOuts) {
    var code = CodeBlock.builder().add("$T.step($L, $S)$>$>", BUILDER, step.index(), step.name());
    for (StepParam.EventParam param : step.eventParams()) {
      code.add("\n").add(input(param, fanOuts.get(step)));
    }
    if (!step.descriptorProduces().isEmpty()) {
      code.add("\n.produces($L)", classLiterals(names(step.descriptorProduces())));
    }
    code.add("\n.workers($L)", step.workers());
    if (step.settings().acceptSubtypes()) {
      code.add("\n.acceptSubtypes()");
    }
    if (!step.timeout().isZero()) {
      code.add("\n.timeout($L)", CodeBlocks.duration(step.timeout()));
    }
    if (!step.retry().isNone()) {
      code.add("\n").add(retry(step.retry()));
    }
    if (!step.awaited().isEmpty()) {
      code.add("\n.awaits($L)", classLiterals(names(step.awaited())));
    }
    if (step.catchSpec() != null) {
      code.add("\n").add(catchPolicy(step.catchSpec()));
    }
    return code.add("\n.build()$<$<").build();
  }

  private static CodeBlock input(StepParam.EventParam param, Integer fanOut) {
    ClassName declared = param.declared().name();
    if (param.batch()) {
      return CodeBlock.of(".collects($T.class,$W$L)\n.countedByStep($L)",
          declared, classLiterals(names(param.accepted())), fanOut);
    }
    if (param.accepted().equals(List.of(param.declared()))) {
      return CodeBlock.of(".accepts($T.class)", declared);
    }
    if (param.accepted().isEmpty()) {
      return CodeBlock.of(".acceptsAnyOf($T.class)", declared);
    }
    return CodeBlock.of(".acceptsAnyOf($T.class,$W$L)", declared, classLiterals(names(param.accepted())));
  }

  /** The settings of {@code @Retry} that differ from "run once", each named. */
  private static CodeBlock retry(RetrySpec retry) {
    var code = CodeBlock.builder().add(".retryAttempts($L)", retry.maxAttempts());
    if (!retry.delay().isZero()) {
      code.add(".retryDelay($L)", CodeBlocks.duration(retry.delay()));
    }
    var spacing = CodeBlock.builder();
    if (retry.backoff() != 1.0) {
      spacing.add(".retryBackoff($L)", retry.backoff());
    }
    if (!retry.maxDelay().isZero()) {
      spacing.add(".retryMaxDelay($L)", CodeBlocks.duration(retry.maxDelay()));
    }
    if (retry.jitter() != 0.0) {
      spacing.add(".retryJitter($L)", retry.jitter());
    }
    if (!spacing.isEmpty()) {
      code.add("\n").add(spacing.build());
    }
    if (!retry.on().isEmpty()) {
      code.add("\n.retryOn($L)", classLiterals(retry.on()));
    }
    if (!retry.notOn().isEmpty()) {
      code.add("\n.noRetryOn($L)", classLiterals(retry.notOn()));
    }
    return code.build();
  }

  private static CodeBlock catchPolicy(CatchSpec spec) {
    CodeBlock handles = spec.isWildcard()
        ? CodeBlock.of(".handlesErrorsOfUnclaimedSteps()")
        : CodeBlock.of(".handlesErrorsOf($L)",
            spec.forSteps().stream().map(s -> CodeBlock.of("$S", s)).collect(CodeBlock.joining(", ")));
    return CodeBlock.of("$L\n.maxRecoveries($L)", handles, spec.maxRecoveries());
  }

  private static CodeBlock classLiterals(Collection<ClassName> types) {
    return types.stream().map(t -> CodeBlock.of("$T.class", t)).collect(CodeBlock.joining(",$W"));
  }

  static List<ClassName> names(List<EventType> events) {
    return events.stream().map(EventType::name).toList();
  }
}
