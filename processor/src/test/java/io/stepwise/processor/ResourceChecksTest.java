package io.stepwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.stepwise.processor.Compilations.assertOnlyError;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.workflow;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Provides} methods: their signatures, matching parameters to them, and cycles. */
class ResourceChecksTest {
  private static final String START = "record Start() implements StartEvent {}";
  private static final String DONE = "record Done() implements StopEvent {}";

  /** A valid start-to-stop workflow plus {@code members}; {@code Memory} and {@code Model} are resource types. */
  private static JavaFileObject flowWith(String members) {
    return workflow("Flow", """
        @Workflow
        public class Flow {
          static final class Memory {}
          record Model(String name) {}

          @Step
          Done finish(Start ev) { return new Done(); }

        """ + members + "\n}\n");
  }

  @Test
  void missingResourceListsTheProvidersThatExist() {
    var flow = flowWith("""
          @Provides(name = "fast") Model fast() { return new Model("fast"); }
          @Provides Memory memory() { return new Memory(); }
          @Step
          Done needy(Start ev, String prompt) { return new Done(); }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done needy(",
        "[Stepwise/MissingResource] Step 'needy' parameter 'prompt' of type java.lang.String is neither an event,"
            + " a Context, nor provided by a @Provides method; the providers are fast(): Flow.Model \"fast\","
            + " memory(): Flow.Memory. Add a @Provides method that returns String, or remove the parameter.");
  }

  @Test
  void namedParameterWithoutAProviderOfThatNameIsMissing() {
    var flow = flowWith("""
          @Provides(name = "fast") Model fast() { return new Model("fast"); }
          @Step
          Done slow(Start ev, @Provides.Named("slow") Model model) { return new Done(); }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done slow(",
        "[Stepwise/MissingResource] Step 'slow' parameter 'model' of type test.Flow.Model named \"slow\" is"
            + " neither an event, a Context, nor provided by a @Provides method; the providers are fast():"
            + " Flow.Model \"fast\". Add a @Provides(name = \"slow\") method that returns Flow.Model, or remove"
            + " the parameter.");
  }

  @Test
  void providerParameterWithoutAProviderIsMissing() {
    var flow = flowWith("""
          @Provides Memory memory(Model model) { return new Memory(); }
          @Step
          Done use(Start ev, Memory memory) { return new Done(); }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Memory memory(",
        "[Stepwise/MissingResource] Provider 'memory' parameter 'model' of type test.Flow.Model is neither an"
            + " event, a Context, nor provided by a @Provides method; the providers are memory(): Flow.Memory."
            + " Add a @Provides method that returns Flow.Model, or remove the parameter.");
  }

  @Test
  void twoProvidersOfOneTypeAreAmbiguousForAnUnnamedParameter() {
    var flow = flowWith("""
          @Provides(name = "fast") Model fast() { return new Model("fast"); }
          @Provides(name = "slow") Model slow() { return new Model("slow"); }
          @Step
          Done pick(Start ev, Model model) { return new Done(); }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done pick(",
        "[Stepwise/AmbiguousResource] Step 'pick' parameter 'model' of type test.Flow.Model matches 2 providers:"
            + " fast(): Flow.Model \"fast\", slow(): Flow.Model \"slow\". Pick one with"
            + " @Provides.Named(\"...\") on the parameter.");
  }

  @Test
  void twoProvidersOfOneTypeAndNameAreAmbiguous() {
    var flow = flowWith("""
          @Provides(name = "fast") Model fast() { return new Model("fast"); }
          @Provides(name = "fast") Model quick() { return new Model("quick"); }
          @Step
          Done pick(Start ev, @Provides.Named("fast") Model model) { return new Done(); }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done pick(",
        "[Stepwise/AmbiguousResource] Step 'pick' parameter 'model' of type test.Flow.Model named \"fast\""
            + " matches 2 providers: fast(): Flow.Model \"fast\", quick(): Flow.Model \"fast\". Give each"
            + " provider of Flow.Model a distinct @Provides(name = ...).");
  }

  @Test
  void providersThatDependOnEachOtherFormACycle() {
    var flow = flowWith("""
          static final class Store {}
          @Provides Store store(Memory memory) { return new Store(); }
          @Provides Memory memory(Store store) { return new Memory(); }
          @Step
          Done use(Start ev, Memory memory) { return new Done(); }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Memory memory(",
        "[Stepwise/ResourceCycle] Provider 'memory' depends on itself: memory -> store -> memory. Remove one of"
            + " these dependencies.");
  }

  @Test
  void providerThatTakesItselfIsACycle() {
    var flow = flowWith("  @Provides Memory memory(Memory previous) { return new Memory(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Memory memory(",
        "[Stepwise/ResourceCycle] Provider 'memory' depends on itself: memory -> memory. Remove one of these"
            + " dependencies.");
  }

  @Test
  void providerReturningAnEventIsRejected() {
    var flow = flowWith("  @Provides Done done() { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Done done(",
        "[Stepwise/ProviderSignature] Provider 'done' returns Done, which is an event; events go between steps,"
            + " not into them. Return a type that is not an event.");
  }

  @Test
  void providerReturningVoidIsRejected() {
    var flow = flowWith("  @Provides void nothing() {}");
    assertOnlyError(compile(flow, START, DONE), flow, "void nothing(",
        "[Stepwise/ProviderSignature] Provider 'nothing' returns void. Return the resource it provides.");
  }

  @Test
  void privateProviderIsRejected() {
    var flow = flowWith("  @Provides private Memory memory() { return new Memory(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Memory memory(",
        "[Stepwise/ProviderSignature] Provider 'memory' must not be private. Make it package-private or public.");
  }

  @Test
  void providerTakingAContextIsRejected() {
    var flow = flowWith("  @Provides Memory memory(Context<?> ctx) { return new Memory(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Memory memory(",
        "[Stepwise/ProviderSignature] Provider 'memory' parameter 'ctx' is a Context; providers take only"
            + " resources. Remove the parameter.");
  }

  @Test
  void namedProvidersOfOneTypeCompileWhenEachParameterPicksOne() {
    var flow = flowWith("""
          @Provides(name = "fast") Model fast() { return new Model("fast"); }
          @Provides(name = "slow", cached = false) Model slow(Memory memory) { return new Model("slow"); }
          @Provides Memory memory() { return new Memory(); }
          @Step
          Done both(Start ev, @Provides.Named("fast") Model a, @Provides.Named("slow") Model b) { return new Done(); }
        """);
    assertThat(compile(flow, START, DONE)).succeededWithoutWarnings();
  }
}
