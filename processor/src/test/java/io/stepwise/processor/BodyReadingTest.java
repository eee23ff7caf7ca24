package io.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.content;
import static io.stepwise.processor.Compilations.workflow;

import org.junit.jupiter.api.Test;

/**
 * The events a step sends, read from its body without javac's types: each common way of writing
 * the argument of {@code ctx.sendEvent} names its event. (Had the reading missed one, the check
 * that runs once javac has typed the body would fail the compile with {@code [Stepwise/UnseenEvent]}.)
 */
class BodyReadingTest {
  @Test
  void commonExpressionsSentToTheContextAreRead() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          public record N() implements Sent {}

          private final J kept = new J();

          @Step
          Done begin(Start ev, Context<?> ctx) {
            A a = new A();
            ctx.sendEvent(a);
            var b = new B();
            ctx.sendEvent(b);
            List<C> cs = List.of(new C());
            ctx.sendEvent(cs.get(0));
            ctx.sendEvent(ev.next());
            ctx.sendEvent(makeE());
            Event any = new F();
            ctx.sendEvent((F) any);
            ctx.sendEvent(G.create());
            ctx.sendEvent(new test.H());
            ctx.sendEvent(ev.next() == null ? new I(1) : new I(2));
            ctx.sendEvent(this.kept);
            if (any instanceof K k) {
              ctx.sendEvent(k);
            }
            List.of(1).forEach(n -> ctx.sendEvent(new L()));
            for (M m : List.of(new M())) {
              ctx.sendEvent(m);
            }
            ctx.sendEvent(new N());
            Note note = new Note();
            ctx.writeEventToStream(note);
            return new Done();
          }

          E makeE() { return new E(); }

          @Step
          void log(Sent ev) {}
        }
        """);
    String[] events = {
        "record Start(D next) implements StartEvent {}",
        "record Done() implements StopEvent {}",
        "record Note() implements Event {}",
        "sealed interface Sent extends Event permits A, B, C, D, E, F, G, H, I, J, K, L, M, Flow.N {}",
        "record A() implements Sent {}", "record B() implements Sent {}", "record C() implements Sent {}",
        "record D() implements Sent {}", "record E() implements Sent {}", "record F() implements Sent {}",
        "record G() implements Sent { static G create() { return new G(); } }",
        "record H() implements Sent {}", "record I(int n) implements Sent {}", "record J() implements Sent {}",
        "record K() implements Sent {}", "record L() implements Sent {}", "record M() implements Sent {}"};
    var compilation = compile(flow, events);

    assertThat(compilation).succeededWithoutWarnings();
    String code = content(compilation.generatedSourceFile("test.Flow_Workflow").orElseThrow());
    // The list of produced events is long enough to wrap; where it wraps is JavaPoet's matter.
    assertThat(code.replaceAll("\\s+", " ")).contains("step(0, \"begin\") .accepts(Start.class) .produces(A.class,"
        + " B.class, C.class, D.class, Done.class, E.class, F.class, Flow.N.class, G.class, H.class, I.class,"
        + " J.class, K.class, L.class, M.class) .workers(4)");
    assertThat(content(compilation.generatedSourceFile("test.Flow_Codecs").orElseThrow())).contains("Note");
  }
}
