package io.stepwise.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Finds the events a step sends through its Context by reading the method body: the static type
 * of each {@code sendEvent(expr)} (routed, a graph edge) and {@code writeEventToStream(expr)}
 * (streamed only), and for {@code waitForEvent(X.class, waiter, ...)} the awaited {@code X} and
 * the waiter event (streamed). Only javac exposes bodies; elsewhere the processor relies on
 * signatures and emits.
 *
 * <p>During processing the types come from {@link StaticTypes}, never from javac: asking javac
 * for a type inside a body attributes the whole class, and a class attributed while a type it
 * uses does not exist yet (its own {@code Foo_Workflow}, another processor's output) crashes the
 * compiler later. Once javac has attributed the class itself, {@link SendCheck} reads the same
 * calls with javac's types to catch what the source alone could not tell.
 */
final class SentEventScanner {
  /** Static types found in one method body, in source order, and type names not declared (yet). */
  record Sent(List<TypeMirror> routed, List<TypeMirror> streamed, List<TypeMirror> awaited, Set<String> missing) {
    static final Sent NONE = new Sent(List.of(), List.of(), List.of(), Set.of());
  }

  /** How the scanner learns the static type of an expression: null when it cannot tell. */
  interface Typing {
    TypeMirror typeOf(TreePath expression);
  }

  private final Trees trees;
  private final EventTypes eventTypes;
  private final StaticTypes staticTypes;
  /** The class whose method trees {@link #methods} holds: steps are read one class at a time. */
  private Element pathsOf;
  private Map<String, List<TreePath>> methods = Map.of();

  private SentEventScanner(Trees trees, EventTypes eventTypes, StaticTypes staticTypes) {
    this.trees = trees;
    this.eventTypes = eventTypes;
    this.staticTypes = staticTypes;
  }

  /** A scanner, or empty when the compiler is not javac. */
  static Optional<SentEventScanner> create(ProcessingEnvironment env, EventTypes eventTypes) {
    try {
      var staticTypes = new StaticTypes(env.getElementUtils(), env.getTypeUtils());
      return Optional.of(new SentEventScanner(Trees.instance(env), eventTypes, staticTypes));
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return Optional.empty();
    }
  }

  Trees trees() {
    return trees;
  }

  /**
   * Reads a step's body from source alone, as the processor must while it runs.
   *
   * @param parameters the method's parameter types as members of the workflow class
   */
  Sent scan(ExecutableElement method, List<? extends TypeMirror> parameters) {
    TreePath path = pathOf(method);
    if (path == null) {
      return Sent.NONE;
    }
    var body = staticTypes.body(path, method, parameters);
    Sent sent = scan(path, body::typeOf);
    return new Sent(sent.routed(), sent.streamed(), sent.awaited(), Set.copyOf(body.missing()));
  }

  /** Reads a method body with the given types. */
  Sent scan(TreePath method, Typing typing) {
    var routed = new ArrayList<TypeMirror>();
    var streamed = new ArrayList<TypeMirror>();
    var awaited = new ArrayList<TypeMirror>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (call.getMethodSelect() instanceof MemberSelectTree select
            && !call.getArguments().isEmpty()
            && isContextMethod(select.getIdentifier().toString())
            && isContext(typing.typeOf(receiver(select)))) {
          String name = select.getIdentifier().toString();
          if (name.equals("waitForEvent")) {
            classLiteral(argumentType(call, 0)).ifPresent(awaited::add);
            concreteEvent(argumentType(call, 1)).ifPresent(streamed::add);
          } else {
            concreteEvent(argumentType(call, 0)).ifPresent((name.equals("sendEvent") ? routed : streamed)::add);
          }
        }
        return super.visitMethodInvocation(call, unused);
      }

      private TreePath receiver(MemberSelectTree select) {
        return new TreePath(new TreePath(getCurrentPath(), select), select.getExpression());
      }

      private TypeMirror argumentType(MethodInvocationTree call, int index) {
        return call.getArguments().size() <= index ? null
            : typing.typeOf(new TreePath(getCurrentPath(), call.getArguments().get(index)));
      }
    }.scan(method, null);
    return new Sent(routed, streamed, awaited, Set.of());
  }

  private static boolean isContextMethod(String name) {
    return name.equals("sendEvent") || name.equals("writeEventToStream") || name.equals("waitForEvent");
  }

  private boolean isContext(TypeMirror receiver) {
    return receiver != null && eventTypes.isSubtypeOf(receiver, EventTypes.CONTEXT);
  }

  private Optional<TypeMirror> concreteEvent(TypeMirror type) {
    return type != null && eventTypes.isEvent(type) && EventTypes.isConcrete(EventTypes.element(type))
        ? Optional.of(type)
        : Optional.empty();
  }

  /** {@code X} of an argument of static type {@code Class<X>} with X a concrete event. */
  private Optional<TypeMirror> classLiteral(TypeMirror type) {
    if (type instanceof DeclaredType declared && eventTypes.is(type, "java.lang.Class")
        && declared.getTypeArguments().size() == 1) {
      return concreteEvent(declared.getTypeArguments().getFirst());
    }
    return Optional.empty();
  }

  /**
   * The method's tree path. {@code Trees.getPath(method)} searches the whole file on every call,
   * which made reading a class of n steps quadratic; the class's method trees are indexed by name
   * once instead (matched by name and arity, as the element cannot be asked of a tree here).
   */
  private TreePath pathOf(ExecutableElement method) {
    Element type = method.getEnclosingElement();
    if (type != pathsOf) {
      pathsOf = type;
      methods = new HashMap<>();
      TreePath classPath = trees.getPath(type);
      if (classPath != null && classPath.getLeaf() instanceof ClassTree tree) {
        for (Tree member : tree.getMembers()) {
          if (member instanceof MethodTree declared) {
            methods.computeIfAbsent(declared.getName().toString(), k -> new ArrayList<>())
                .add(new TreePath(classPath, member));
          }
        }
      }
    }
    var named = methods.getOrDefault(method.getSimpleName().toString(), List.of()).stream()
        .filter(p -> ((MethodTree) p.getLeaf()).getParameters().size() == method.getParameters().size())
        .toList();
    return named.size() == 1 ? named.getFirst() : trees.getPath(method);
  }
}
