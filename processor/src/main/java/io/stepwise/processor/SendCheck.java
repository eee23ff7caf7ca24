package io.stepwise.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.stepwise.processor.validation.UnseenEventRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * {@code [Stepwise/UnseenEvent]}: once javac has attributed a class, reads the Context calls of
 * the steps declared in it with javac's own types, and reports an event the processor could not
 * tell from the source alone ({@link SentEventScanner} reads bodies without javac's types while
 * it generates code). Such an event would fail its step at run time, or have no JSON codec.
 */
final class SendCheck implements TaskListener {
  private static final UnseenEventRule UNSEEN_EVENT = new UnseenEventRule();
  /**
   * What one workflow's generated code lets one step do, by canonical names.
   *
   * @param routed the types it may send (subtypes included)
   * @param codecs the events the workflow has codecs for
   * @param awaited the types it may wait for
   */
  record Allowed(String step, Set<String> routed, Set<String> codecs, Set<String> awaited) {}

  private record Expected(String declaringType, String method, int arity, Allowed allowed) {}

  private final Trees trees;
  private final Elements elements;
  private final Types types;
  private final SentEventScanner scanner;
  /** By the top-level class whose analysis reveals the bodies. */
  private final Map<String, List<Expected>> expected = new HashMap<>();

  private SendCheck(Trees trees, Elements elements, Types types, SentEventScanner scanner) {
    this.trees = trees;
    this.elements = elements;
    this.types = types;
    this.scanner = scanner;
  }

  /** Listens to the compilation, or does nothing when the compiler is not javac. */
  static Optional<SendCheck> install(ProcessingEnvironment env, Optional<SentEventScanner> scanner) {
    if (scanner.isEmpty()) {
      return Optional.empty();
    }
    try {
      var check = new SendCheck(scanner.get().trees(), env.getElementUtils(), env.getTypeUtils(), scanner.get());
      JavacTask.instance(env).addTaskListener(check);
      return Optional.of(check);
    } catch (IllegalArgumentException | IllegalStateException | LinkageError notJavac) {
      return Optional.empty();
    }
  }

  /** Checks {@code method}'s body against what the generated code allows, once javac has attributed it. */
  void expect(ExecutableElement method, Allowed allowed) {
    var declaring = (TypeElement) method.getEnclosingElement();
    expected.computeIfAbsent(topLevel(declaring).getQualifiedName().toString(), k -> new ArrayList<>())
        .add(new Expected(declaring.getQualifiedName().toString(), method.getSimpleName().toString(),
            method.getParameters().size(), allowed));
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null) {
      return;
    }
    var pending = expected.remove(event.getTypeElement().getQualifiedName().toString());
    if (pending == null) {
      return;
    }
    // One base class step may be checked for several workflows: say each problem once.
    var reported = new LinkedHashSet<String>();
    for (Expected each : pending) {
      TreePath method = methodPath(each);
      if (method != null) {
        problems(each, method).forEach(message -> {
          if (reported.add(each.method() + message)) {
            trees.printMessage(Diagnostic.Kind.ERROR, message, method.getLeaf(), event.getCompilationUnit());
          }
        });
      }
    }
  }

  private List<String> problems(Expected each, TreePath method) {
    var sent = scanner.scan(method, trees::getTypeMirror);
    var problems = new ArrayList<String>();
    String step = UNSEEN_EVENT.message("Step '" + each.allowed().step() + "' ");
    for (TypeMirror type : sent.routed()) {
      if (each.allowed().routed().stream().noneMatch(allowed -> isSubtype(type, allowed))) {
        String label = TypeLabels.of(type);
        problems.add(step + "sends " + label + ", but the processor could not read that type from the source. Add "
            + label + ".class to the step's @Step(emits).");
      }
    }
    for (TypeMirror type : sent.streamed()) {
      if (!each.allowed().codecs().contains(EventTypes.element(type).getQualifiedName().toString())) {
        String label = TypeLabels.of(type);
        problems.add(step + "writes " + label + " to the stream, but the processor could not read that type from"
            + " the source, so " + label + " has no JSON codec. Pass it as new " + label + "(...) or through a"
            + " variable of type " + label + ".");
      }
    }
    for (TypeMirror type : sent.awaited()) {
      if (!each.allowed().awaited().contains(EventTypes.element(type).getQualifiedName().toString())) {
        String label = TypeLabels.of(type);
        problems.add(step + "waits for " + label + ", but the processor could not read that type from the source."
            + " Pass " + label + ".class itself as the first argument of waitForEvent.");
      }
    }
    return problems;
  }

  private boolean isSubtype(TypeMirror type, String allowed) {
    TypeElement element = elements.getTypeElement(allowed);
    return element != null && types.isAssignable(types.erasure(type), types.erasure(element.asType()));
  }

  private TreePath methodPath(Expected each) {
    TypeElement declaring = elements.getTypeElement(each.declaringType());
    TreePath type = declaring == null ? null : trees.getPath(declaring);
    if (type == null || !(type.getLeaf() instanceof ClassTree tree)) {
      return null;
    }
    var found = new ArrayList<TreePath>();
    for (Tree member : tree.getMembers()) {
      if (member instanceof MethodTree method && method.getName().contentEquals(each.method())
          && method.getParameters().size() == each.arity()) {
        found.add(new TreePath(type, member));
      }
    }
    return found.size() == 1 ? found.getFirst() : null;
  }

  private static TypeElement topLevel(TypeElement type) {
    TypeElement top = type;
    for (Element e = type.getEnclosingElement(); e instanceof TypeElement outer; e = outer.getEnclosingElement()) {
      top = outer;
    }
    return top;
  }
}
