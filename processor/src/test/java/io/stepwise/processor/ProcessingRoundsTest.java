package io.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.compileWith;
import static io.stepwise.processor.Compilations.content;
import static io.stepwise.processor.Compilations.errorMessages;
import static io.stepwise.processor.Compilations.event;
import static io.stepwise.processor.Compilations.lineOf;
import static io.stepwise.processor.Compilations.workflow;

import com.google.auto.value.processor.AutoValueProcessor;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor in a real compile: classes that use the code it generates, types other processors
 * generate in the same compile (read again in a later round), and failures of its own.
 */
class ProcessingRoundsTest {
  private static final String START = "record Start() implements StartEvent {}";
  private static final String DONE = "record Done() implements StopEvent {}";

  private static String generated(Compilation compilation, String name) {
    assertThat(compilation).succeededWithoutWarnings();
    return content(compilation.generatedSourceFile(name).orElseThrow());
  }

  /** A source in package {@code test} that another processor writes. */
  private static Map.Entry<String, String> generatedSource(String declaration) {
    String name = declaration.replaceAll("(?s).*?(?:record|class|interface)\\s+(\\w+).*", "$1");
    return Map.entry("test." + name, "package test;\n\nimport io.stepwise.*;\n\npublic " + declaration + "\n");
  }

  private static GeneratingProcessor generating(String... declarations) {
    var sources = new LinkedHashMap<String, String>();
    for (String declaration : declarations) {
      var source = generatedSource(declaration);
      sources.put(source.getKey(), source.getValue());
    }
    return new GeneratingProcessor(sources);
  }

  @Test
  void workflowClassThatRunsItselfCompiles() {
    // javac used to crash here: the processor attributed the class before Flow_Workflow existed.
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done finish(Start ev) { return new Done(); }

          Done runOnce() {
            var run = Flow_Workflow.of(this).run(new Start());
            return run.result();
          }
        }
        """);
    String code = generated(compile(flow, START, DONE), "test.Flow_Workflow");
    assertThat(code).contains("public static CompiledWorkflow<Start, Done> of(Flow target)");
  }

  @Test
  void stepMayRunAnotherWorkflowOfTheSameCompile() {
    var parent = workflow("Parent", """
        @Workflow
        public class Parent {
          @Step
          Done delegate(Start ev, Context<?> ctx) {
            var child = Child_Workflow.of(new Child()).run(new Start());
            ctx.writeEventToStream(new Note("child ran"));
            return child.result();
          }
        }
        """);
    var child = workflow("Child", """
        @Workflow
        public class Child {
          @Step
          Done finish(Start ev) { return new Done(); }
        }
        """);
    var compilation = compile(List.of(parent, child, event(START), event(DONE),
        event("record Note(String text) implements Event {}")));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(content(compilation.generatedSourceFile("test.Parent_Codecs").orElseThrow())).contains("Note");
  }

  @Test
  void eventTypesAnotherProcessorGeneratesAreWaitedFor() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Ticket issue(Start ev) { return new Ticket(new Seat("1A")); }

          @Step
          Done use(Ticket ticket) { return new Done(); }
        }
        """);
    var compilation = compileWith(
        List.of(new StepwiseProcessor(), generating(
            "record Ticket(Seat seat) implements Event {}", "record Seat(String row) {}")),
        List.of(flow, event(START), event(DONE), GeneratingProcessor.TRIGGER));
    String codecs = generated(compilation, "test.Flow_Codecs");
    // The codec of a field whose type did not exist in the first round.
    assertThat(codecs).contains("Seat");
    assertThat(content(compilation.generatedSourceFile("test.Flow_Workflow").orElseThrow()))
        .contains("step(0, \"issue\")\n          .accepts(Start.class)\n          .produces(Ticket.class)\n          .workers(4)");
  }

  @Test
  void stateTypeAnotherProcessorGeneratesIsWaitedFor() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done finish(Start ev, Context<Tally> ctx) {
            ctx.editState(t -> t.count++);
            return new Done();
          }
        }
        """);
    var compilation = compileWith(
        List.of(new StepwiseProcessor(), generating("class Tally { public int count; public Tally() {} }")),
        List.of(flow, event(START), event(DONE), GeneratingProcessor.TRIGGER));
    String code = generated(compilation, "test.Flow_Workflow");
    assertThat(code).contains("return new Tally();");
    assertThat(code).contains("copy.count = from.count;");
  }

  @Test
  void eventWrittenInABodyThatAnotherProcessorGeneratesIsWaitedFor() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done finish(Start ev, Context<?> ctx) {
            ctx.writeEventToStream(new Note("started"));
            return new Done();
          }
        }
        """);
    var compilation = compileWith(
        List.of(new StepwiseProcessor(), generating("record Note(String text) implements Event {}")),
        List.of(flow, event(START), event(DONE), GeneratingProcessor.TRIGGER));
    assertThat(generated(compilation, "test.Flow_Codecs")).contains("Note");
  }

  @Test
  void typeThatNeverAppearsIsReportedInTheLastRound() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done finish(Start ev, Ghost ghost) { return new Done(); }
        }
        """);
    var compilation = compile(flow, START, DONE);
    assertThat(compilation).failed();
    // javac reports the unknown type itself; the processor says why Flow_Workflow is missing, once.
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(errorMessages(compilation).stream().filter(m -> m.startsWith("[Stepwise/")).toList()).containsExactly(
        "[Stepwise/UndefinedType] Workflow class 'Flow' uses Ghost, which no source declares and no annotation"
            + " processor generated, so Flow_Workflow was not generated. Declare Ghost, or fix what kept it from"
            + " being generated.");
    assertThat(compilation).hadErrorContaining("[Stepwise/UndefinedType]")
        .inFile(flow).onLine(lineOf(flow, "public class Flow"));
  }

  @Test
  void autoValueClassUsedInAStepBodyCompiles() {
    // The shape that crashed javac: a var of a type AutoValue generates, read before it existed.
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Quote price(Start ev) {
            var pricing = new AutoValue_Pricing(250);
            return new Quote(pricing.cents());
          }
        }
        """);
    var compilation = compileWith(List.of(new StepwiseProcessor(), new AutoValueProcessor()),
        List.of(flow, pricing(), event(START), event("record Quote(int cents) implements StopEvent {}")));
    assertThat(generated(compilation, "test.Flow_Workflow")).contains("target.price((Start) events[0])");
  }

  @Test
  void resourceOfATypeAutoValueGeneratesIsWaitedFor() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Provides
          AutoValue_Pricing pricing() { return new AutoValue_Pricing(250); }

          @Step
          Quote price(Start ev, AutoValue_Pricing pricing) { return new Quote(pricing.cents()); }
        }
        """);
    // Stepwise first: in the first round AutoValue_Pricing does not exist yet.
    var compilation = compileWith(List.of(new StepwiseProcessor(), new AutoValueProcessor()),
        List.of(flow, pricing(), event(START), event("record Quote(int cents) implements StopEvent {}")));
    assertThat(generated(compilation, "test.Flow_Workflow")).contains("target.price((Start) events[0], ");
  }

  @Test
  void eventFieldOfATypeAutoValueGeneratesIsJudgedOnceItExists() {
    // Before, the field was silently left out of the event's codec: its type did not exist yet.
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Quote price(Start ev) { return new Quote(new AutoValue_Pricing(250)); }
        }
        """);
    var compilation = compileWith(List.of(new StepwiseProcessor(), new AutoValueProcessor()),
        List.of(flow, pricing(), event(START), event("record Quote(AutoValue_Pricing pricing) implements StopEvent {}")));
    assertThat(errorMessages(compilation)).containsExactly(
        "[Stepwise/Unserializable] Event Quote cannot be written to JSON: Quote.pricing has type AutoValue_Pricing,"
            + " which has no accessible no-arg constructor. Add a public no-arg constructor to AutoValue_Pricing, make"
            + " it a record, or supply a codec: @Workflow(codecs = YourCodec.class) with YourCodec implementing"
            + " io.stepwise.spi.JsonCodec<AutoValue_Pricing>.",
        "[Stepwise/Unserializable] Event Quote cannot be written to JSON: Quote.pricing.cents is not accessible to"
            + " generated code. Make it a non-final, non-private field, or mark it transient.");
  }

  private static JavaFileObject pricing() {
    return JavaFileObjects.forSourceString("test.Pricing", """
        package test;

        import com.google.auto.value.AutoValue;

        @AutoValue
        public abstract class Pricing {
          public abstract int cents();
        }
        """);
  }

  @Test
  void processorFailureIsOneErrorOnItsWorkflowAndOthersStillGenerate() {
    var broken = workflow("Broken", """
        @Workflow
        public class Broken {
          @Step
          Done finish(Start ev) { return new Done(); }
        }
        """);
    var fine = workflow("Fine", """
        @Workflow
        public class Fine {
          @Step
          Done finish(Start ev) { return new Done(); }
        }
        """);
    var failing = new StepwiseProcessor(name -> {
      if (name.equals("test.Broken")) {
        throw new IllegalStateException("probe failure");
      }
    });
    // Uses what Fine generates: without Fine_Workflow it would not compile.
    var user = JavaFileObjects.forSourceString("test.User", """
        package test;

        final class User {
          final Object fine = Fine_Workflow.of(new Fine());
        }
        """);
    var compilation = compileWith(List.of(failing), List.of(broken, fine, user, event(START), event(DONE)));

    assertThat(compilation).hadErrorCount(1);
    String message = errorMessages(compilation).getFirst();
    assertThat(message).startsWith("[Stepwise/InternalError] The Stepwise processor failed on workflow class"
        + " 'Broken' (test.Broken): java.lang.IllegalStateException: probe failure, at io.stepwise.processor."
        + "ProcessingRoundsTest.");
    assertThat(message).endsWith(". This is a bug in Stepwise, not in your code: please report it to the Stepwise"
        + " developers with this message and the workflow's source.");
    assertThat(compilation).hadErrorContaining("[Stepwise/InternalError]")
        .inFile(broken).onLine(lineOf(broken, "public class Broken"));
  }

  @Test
  void eventSentWithATypeOnlyJavacCanInferIsReported() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done finish(Start ev, Context<?> ctx) {
            ctx.sendEvent(make(Audit::new));
            return new Done();
          }

          private static <E extends Event> E make(java.util.function.Supplier<E> factory) {
            return factory.get();
          }
        }
        """);
    var compilation = compile(flow, START, DONE, "record Audit() implements Event {}");
    Compilations.assertOnlyError(compilation, flow, "Done finish(",
        "[Stepwise/UnseenEvent] Step 'finish' sends Audit, but the processor could not read that type from the"
            + " source. Add Audit.class to the step's @Step(emits).");
  }

  @Test
  void streamedEventOnlyJavacCanTypeIsReported() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done finish(Start ev, Context<?> ctx) {
            ctx.writeEventToStream(make(Note::new));
            return new Done();
          }

          private static <E extends Event> E make(java.util.function.Supplier<E> factory) {
            return factory.get();
          }
        }
        """);
    var compilation = compile(flow, START, DONE, "record Note() implements Event {}");
    Compilations.assertOnlyError(compilation, flow, "Done finish(",
        "[Stepwise/UnseenEvent] Step 'finish' writes Note to the stream, but the processor could not read that"
            + " type from the source, so Note has no JSON codec. Pass it as new Note(...) or through a variable of"
            + " type Note.");
  }

  @Test
  void awaitedEventOnlyJavacCanTypeIsReported() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done ask(Start ev, Context<?> ctx) {
            Reply reply = ctx.waitForEvent(type(Reply.class), new Question(), r -> true, java.time.Duration.ofSeconds(1));
            return new Done();
          }

          private static <T> Class<T> type(Class<T> type) {
            return type;
          }
        }
        """);
    var compilation = compile(flow, START, DONE, "record Reply() implements HumanResponseEvent {}",
        "record Question() implements InputRequiredEvent {}");
    Compilations.assertOnlyError(compilation, flow, "Done ask(",
        "[Stepwise/UnseenEvent] Step 'ask' waits for Reply, but the processor could not read that type from the"
            + " source. Pass Reply.class itself as the first argument of waitForEvent.");
  }
}
