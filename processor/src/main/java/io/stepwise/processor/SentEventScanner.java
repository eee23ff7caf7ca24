package io.stepwise.processor;

import com.sun.source.tree.ClassTree;
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
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Finds the events a step sends through its Context by reading the method body: the static type
 * of each {@code sendEvent(expr)} (routed, a graph edge) and {@code writeEventToStream(expr)}
 * (streamed only), and for {@code waitForEvent(X.class, waiter, ...)} the awaited {@code X} and
 * the waiter event (streamed). Only javac exposes bodies; elsewhere the processor relies on
 * signatures and emits.
 */
final class SentEventScanner {
  /** Static types found in one method body, in source order. */
  record Sent(List<TypeMirror> routed, List<TypeMirror> streamed, List<TypeMirror> awaited) {
    static final Sent NONE = new Sent(List.of(), List.of(), List.of());
  }

  private final Trees trees;
  private final EventTypes eventTypes;
  /** The class whose method paths {@link #methods} holds: steps are read one class at a time. */
  private Element pathsOf;
  private Map<Element, TreePath> methods = Map.of();

  private SentEventScanner(Trees trees, EventTypes eventTypes) {
    this.trees = trees;
    this.eventTypes = eventTypes;
  }

  /** A scanner, or empty when the compiler is not javac. */
  static Optional<SentEventScanner> create(ProcessingEnvironment env, EventTypes eventTypes) {
    try {
      return Optional.of(new SentEventScanner(Trees.instance(env), eventTypes));
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return Optional.empty();
    }
  }

  Sent scan(ExecutableElement method) {
    TreePath path = pathOf(method);
    if (path == null) {
      return Sent.NONE;
    }
    var routed = new ArrayList<TypeMirror>();
    var streamed = new ArrayList<TypeMirror>();
    var awaited = new ArrayList<TypeMirror>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        Element callee = trees.getElement(getCurrentPath());
        if (callee instanceof ExecutableElement invoked
            && !call.getArguments().isEmpty()
            && isContextMethod(invoked)) {
          String name = invoked.getSimpleName().toString();
          if (name.equals("waitForEvent")) {
            classLiteral(argumentType(call, 0)).ifPresent(awaited::add);
            concreteEvent(argumentType(call, 1)).ifPresent(streamed::add);
          } else {
            concreteEvent(argumentType(call, 0)).ifPresent((name.equals("sendEvent") ? routed : streamed)::add);
          }
        }
        return super.visitMethodInvocation(call, unused);
      }

      private TypeMirror argumentType(MethodInvocationTree call, int index) {
        return call.getArguments().size() <= index ? null
            : trees.getTypeMirror(new TreePath(getCurrentPath(), call.getArguments().get(index)));
      }
    }.scan(path, null);
    return new Sent(routed, streamed, awaited);
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

  private boolean isContextMethod(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    return (name.equals("sendEvent") || name.equals("writeEventToStream") || name.equals("waitForEvent"))
        && method.getEnclosingElement() instanceof TypeElement owner
        && eventTypes.isSubtypeOf(owner.asType(), EventTypes.CONTEXT);
  }

  /**
   * The method's tree path. {@code Trees.getPath(method)} searches the whole file on every call,
   * which made reading a class of n steps quadratic; the class's members are indexed once instead.
   */
  private TreePath pathOf(ExecutableElement method) {
    Element type = method.getEnclosingElement();
    if (type != pathsOf) {
      pathsOf = type;
      methods = new HashMap<>();
      TreePath classPath = trees.getPath(type);
      if (classPath != null && classPath.getLeaf() instanceof ClassTree tree) {
        for (Tree member : tree.getMembers()) {
          if (member instanceof MethodTree) {
            var memberPath = new TreePath(classPath, member);
            Element element = trees.getElement(memberPath);
            if (element != null) {
              methods.put(element, memberPath);
            }
          }
        }
      }
    }
    return methods.get(method);
  }
}
