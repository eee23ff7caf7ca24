package io.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.stepwise.processor.Compilations.assertOnlyError;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.content;
import static io.stepwise.processor.Compilations.event;
import static io.stepwise.processor.Compilations.lineOf;
import static io.stepwise.processor.Compilations.workflow;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Steps a workflow inherits from base classes and interfaces, and overrides of them. */
class InheritanceTest {
  private static final String START = "record Start() implements StartEvent {}";
  private static final String MID = "record Mid() implements Event {}";
  private static final String DONE = "record Done() implements StopEvent {}";

  private static Compilation compileAll(JavaFileObject... sources) {
    var all = new java.util.ArrayList<>(List.of(sources));
    all.add(event(START));
    all.add(event(MID));
    all.add(event(DONE));
    return compile(all);
  }

  private static String generated(Compilation compilation, String name) {
    assertThat(compilation).succeededWithoutWarnings();
    return content(compilation.generatedSourceFile(name).orElseThrow());
  }

  @Test
  void stepsOfAnAbstractBaseClassJoinTheGraphAfterTheClassesOwn() {
    var base = workflow("Base", """
        public abstract class Base {
          @Step
          Mid begin(Start ev) { return new Mid(); }
        }
        """);
    var child = workflow("Child", """
        @Workflow
        public class Child extends Base {
          @Step
          Done finish(Mid ev) { return new Done(); }
        }
        """);
    String code = generated(compileAll(base, child), "test.Child_Workflow");
    assertThat(code).contains("step(0, \"finish\")\n          .accepts(Mid.class)\n          .produces(Done.class)");
    assertThat(code).contains("step(1, \"begin\")\n          .accepts(Start.class)\n          .produces(Mid.class)");
    assertThat(code).contains("case 1 -> target.begin((Start) events[0]);");
  }

  @Test
  void stepsOfAPlainBaseClassAndOfInterfaceDefaultMethodsJoinTheGraph() {
    var base = workflow("Base", """
        public class Base {
          @Step
          Mid begin(Start ev) { return new Mid(); }
        }
        """);
    var audited = workflow("Audited", """
        public interface Audited {
          @Step
          default void audit(Mid ev, Context<?> ctx) { ctx.writeEventToStream(new Note()); }
        }
        """);
    var child = workflow("Child", """
        @Workflow
        public class Child extends Base implements Audited {
          @Step
          Done finish(Mid ev) { return new Done(); }
        }
        """);
    var compilation = compileAll(base, audited, child, event("record Note() implements Event {}"));
    String code = generated(compilation, "test.Child_Workflow");
    assertThat(code).contains("step(1, \"begin\")");
    assertThat(code).contains("step(2, \"audit\")\n          .accepts(Mid.class)\n          .workers(");
    // The interface's stream write is read too: its event gets a codec.
    assertThat(content(compilation.generatedSourceFile("test.Child_Codecs").orElseThrow())).contains("Note");
  }

  @Test
  void defaultMethodOfASubinterfaceOverridesTheOneItExtends() {
    var general = workflow("General", """
        public interface General {
          @Step
          default Done finish(Start ev) { return new Done(); }
        }
        """);
    var special = workflow("Special", """
        public interface Special extends General {
          @Override
          @Step(workers = 1)
          default Done finish(Start ev) { return new Done(); }
        }
        """);
    var child = workflow("Child", """
        @Workflow
        public class Child implements General, Special {}
        """);
    String code = generated(compileAll(general, special, child), "test.Child_Workflow");
    assertThat(code).contains("STEPS = List.of(\n      step(0, \"finish\")\n          .accepts(Start.class)\n          .produces(Done.class)\n          .workers(1)\n");
  }

  @Test
  void stepsOfEveryLevelOfTheHierarchyJoinTheGraph() {
    var root = workflow("Root", """
        public abstract class Root {
          @Step
          Mid begin(Start ev) { return new Mid(); }
        }
        """);
    var middle = workflow("Middle", """
        public abstract class Middle extends Root {
          @Step
          void watch(Mid ev) {}
        }
        """);
    var child = workflow("Child", """
        @Workflow
        public class Child extends Middle {
          @Step
          Done finish(Mid ev) { return new Done(); }
        }
        """);
    String code = generated(compileAll(root, middle, child), "test.Child_Workflow");
    assertThat(code).contains("step(0, \"finish\")");
    assertThat(code).contains("step(1, \"watch\")");
    assertThat(code).contains("step(2, \"begin\")");
  }

  @Test
  void overrideWithStepReplacesTheInheritedStep() {
    var base = workflow("Base", """
        public abstract class Base {
          @Step(workers = 1)
          Done begin(Start ev) { return new Done(); }
        }
        """);
    var child = workflow("Child", """
        @Workflow
        public class Child extends Base {
          @Override
          @Step(workers = 2)
          Done begin(Start ev) { return new Done(); }
        }
        """);
    String code = generated(compileAll(base, child), "test.Child_Workflow");
    assertThat(code).contains("STEPS = List.of(\n      step(0, \"begin\")\n          .accepts(Start.class)\n          .produces(Done.class)\n          .workers(2)\n          .build());");
  }

  @Test
  void overridingSignatureIsTheOneInTheGraph() {
    var base = workflow("Base", """
        public abstract class Base {
          @Step
          Next begin(Start ev) { return new Mid(); }

          @Step
          Done finish(Mid ev) { return new Done(); }
        }
        """);
    var child = workflow("Child", """
        @Workflow
        public class Child extends Base {
          @Override
          @Step
          Done begin(Start ev) { return new Done(); }
        }
        """);
    // The override returns Done only, so nothing produces the Mid that the inherited finish takes.
    var compilation = compile(List.of(base, child, event(START), event("record Mid() implements Next {}"),
        event("record Done() implements Next, StopEvent {}"),
        event("sealed interface Next extends Event permits Mid, Done {}")));
    assertOnlyError(compilation, child, "public class Child",
        "[Stepwise/UnproducedEvent] Step 'finish' accepts Mid, but no step produces it. Return or send Mid from a"
            + " step, or add skipChecks = UNPRODUCED_EVENT.");
  }

  @Test
  void overrideWithoutStepIsNotAStepAndSaysSo() {
    var base = workflow("Base", """
        public abstract class Base {
          @Step
          Done finish(Start ev) { return new Done(); }

          @Step
          void audit(Start ev) {}
        }
        """);
    var child = workflow("Child", """
        @Workflow
        public class Child extends Base {
          @Override
          void audit(Start ev) {}
        }
        """);
    var compilation = compileAll(base, child);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining(
        "[Stepwise/StepOverride] Method 'audit' of Child overrides step 'audit' of Base without @Step, so it is"
            + " not a step of workflow 'Child'. Add @Step to keep the step, or @SuppressWarnings(\"stepwise\")"
            + " to drop it.").inFile(child).onLine(lineOf(child, "void audit("));
    String code = content(compilation.generatedSourceFile("test.Child_Workflow").orElseThrow());
    assertThat(code).doesNotContain("\"audit\"");
  }

  @Test
  void droppingAStepOnPurposeIsQuiet() {
    var base = workflow("Base", """
        public abstract class Base {
          @Step
          Done finish(Start ev) { return new Done(); }

          @Step
          void audit(Start ev) {}
        }
        """);
    var child = workflow("Child", """
        @Workflow
        public class Child extends Base {
          @Override
          @SuppressWarnings("stepwise")
          void audit(Start ev) {}
        }
        """);
    assertThat(generated(compileAll(base, child), "test.Child_Workflow")).doesNotContain("\"audit\"");
  }

  @Test
  void genericBaseClassStepsTakeTheSubclassTypeArguments() {
    var base = workflow("Base", """
        public abstract class Base<E extends Event> {
          @Step
          Done finish(E ev, Context<?> ctx) { return new Done(); }
        }
        """);
    var child = workflow("Child", """
        @Workflow
        public class Child extends Base<Start> {}
        """);
    String code = generated(compileAll(base, child), "test.Child_Workflow");
    assertThat(code).contains("implements WorkflowDefinition<Child, Start, Done>");
    assertThat(code).contains("case 0 -> target.finish((Start) events[0], context);");
  }

  @Test
  void subclassOfAWorkflowThatOnlyAddsAStepIsAWorkflowOfItsOwn() {
    var base = workflow("Base", """
        @Workflow
        public class Base {
          @Step
          Mid begin(Start ev) { return new Mid(); }

          @Step
          Done finish(Mid ev) { return new Done(); }
        }
        """);
    var child = workflow("Child", """
        @Workflow
        public class Child extends Base {
          @Step
          void watch(Mid ev) {}
        }
        """);
    var compilation = compileAll(base, child);
    assertThat(generated(compilation, "test.Child_Workflow")).contains("step(2, \"finish\")");
    assertThat(content(compilation.generatedSourceFile("test.Base_Workflow").orElseThrow())).doesNotContain("watch");
  }

  @Test
  void providersAreInheritedToo() {
    var base = workflow("Base", """
        public abstract class Base {
          @Provides
          StringBuilder log() { return new StringBuilder(); }
        }
        """);
    var child = workflow("Child", """
        @Workflow
        public class Child extends Base {
          @Step
          Done finish(Start ev, StringBuilder log) { return new Done(); }
        }
        """);
    assertThat(generated(compileAll(base, child), "test.Child_Workflow")).contains("target.log()");
  }

  @Test
  void graphRuleAboutAnInheritedStepIsReportedOnTheWorkflow() {
    var base = workflow("Base", """
        public abstract class Base {
          @Step
          Mid spin(Mid ev) { return ev; }
        }
        """);
    var child = workflow("Child", """
        @Workflow
        public class Child extends Base {
          @Step
          Done finish(Start ev, Context<?> ctx) {
            ctx.sendEvent(new Mid());
            return new Done();
          }
        }
        """);
    assertOnlyError(compileAll(base, child), child, "public class Child",
        "[Stepwise/DeadEnd] Step 'spin' has no path to a StopEvent: Mid -> spin -> Mid. Return a StopEvent from"
            + " 'spin' or from a step its events reach, or add skipChecks = DEAD_END.");
  }

  @Test
  void inheritedStepTheGeneratedCodeCannotCallIsRejected() {
    var base = JavaFileObjects.forSourceString("base.Base", """
        package base;

        import io.stepwise.annotations.Step;
        import test.Done;
        import test.Start;

        public abstract class Base {
          @Step
          protected Done finish(Start ev) { return new Done(); }
        }
        """);
    var child = workflow("Child", """
        @Workflow
        public class Child extends base.Base {}
        """);
    assertOnlyError(compileAll(base, child), base, "protected Done finish(",
        "[Stepwise/StepSignature] Step 'finish' is declared in Base, in another package than Child, and is not"
            + " public, so the generated code cannot call it. Make it public.");
  }

  @Test
  void stepsOfAnAbstractClassNoWorkflowExtendsAreAllowed() {
    var base = workflow("Base", """
        public abstract class Base {
          @Step
          Done finish(Start ev) { return new Done(); }
        }
        """);
    assertThat(compileAll(base)).succeededWithoutWarnings();
  }

  @Test
  void twoStepsOfTheSameNameAcrossTheHierarchyAreRejected() {
    var base = workflow("Base", """
        public abstract class Base {
          @Step
          Done finish(Mid ev) { return new Done(); }
        }
        """);
    var child = workflow("Child", """
        @Workflow
        public class Child extends Base {
          @Step
          Done finish(Start ev) { return new Done(); }
        }
        """);
    assertOnlyError(compileAll(base, child), base, "Done finish(Mid",
        "[Stepwise/StepSignature] Step 'finish' is declared more than once. Give each step a distinct method name.");
  }
}
