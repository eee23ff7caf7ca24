package io.stepwise.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The methods a workflow class has, its own and inherited, as Python's workflows see them: a
 * method of a superclass or a default method of an interface belongs to the workflow unless the
 * workflow (or a class nearer to it) overrides it, and then only the overriding declaration
 * counts, with its own annotations. So an override without {@code @Step} is not a step, however
 * the method it overrides was annotated.
 */
final class WorkflowMembers {
  /**
   * One method of the workflow.
   *
   * @param type its type as a member of the workflow class: a generic superclass's type
   *     arguments substituted
   * @param owner the class or interface that declares it
   */
  record Member(ExecutableElement method, ExecutableType type, TypeElement owner) {
    boolean annotated(String annotation) {
      return AnnotationValues.findMirror(method, annotation).isPresent();
    }
  }

  /**
   * A method that overrides an annotated one without carrying the annotation itself.
   *
   * @param overriding the declaration that counts
   * @param overridden the nearest annotated declaration it hides
   */
  record Dropped(Member overriding, Member overridden) {}

  /** What {@link #of} found: the members in lookup order, and the annotated methods their overrides dropped. */
  record Found(List<Member> members, List<Dropped> dropped) {}

  private final Elements elements;
  private final Types types;

  WorkflowMembers(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * The workflow's methods that carry one of {@code annotations}: the class's own in declaration
   * order, then those of each superclass, nearest first, then default methods of interfaces. The
   * order of the class's own steps is the dispatch order, so a workflow that inherits nothing keeps
   * the order (and graph hash) it always had.
   */
  Found of(TypeElement workflow, Set<String> annotations) {
    var declaring = new ArrayList<TypeElement>();
    for (TypeElement type = workflow; type != null; type = superclass(type)) {
      declaring.add(type);
    }
    declaring.addAll(subtypesFirst(interfaces(declaring)));
    for (TypeElement type : declaring) {
      // A supertype another processor has yet to generate may bring steps of its own.
      MissingTypeException.check(type.getSuperclass());
      type.getInterfaces().forEach(MissingTypeException::check);
    }
    var asMember = (DeclaredType) workflow.asType();
    // Most derived first: the first earlier method that overrides a later one is the one that counts.
    var seen = new ArrayList<Member>();
    var members = new ArrayList<Member>();
    Map<ExecutableElement, Dropped> dropped = new LinkedHashMap<>();
    for (TypeElement owner : declaring) {
      for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
        var member = new Member(method, (ExecutableType) types.asMemberOf(asMember, method), owner);
        Member overriding = overriding(seen, method, workflow);
        boolean annotated = annotations.stream().anyMatch(member::annotated);
        if (overriding != null) {
          if (annotated && annotations.stream().noneMatch(overriding::annotated)) {
            dropped.putIfAbsent(overriding.method(), new Dropped(overriding, member));
          }
          continue;
        }
        seen.add(member);
        if (annotated) {
          members.add(member);
        }
      }
    }
    return new Found(List.copyOf(members), List.copyOf(dropped.values()));
  }

  private Member overriding(List<Member> seen, ExecutableElement method, TypeElement workflow) {
    if (method.getModifiers().contains(Modifier.PRIVATE) || method.getModifiers().contains(Modifier.STATIC)) {
      return null; // neither overridden nor inherited; a step that is either is reported as such
    }
    for (Member earlier : seen) {
      if (earlier.method().getSimpleName().equals(method.getSimpleName())
          && elements.overrides(earlier.method(), method, workflow)) {
        return earlier;
      }
    }
    return null;
  }

  /** Every class the workflow extends, nearest first, and every interface it implements; not Object. */
  static List<TypeElement> supertypes(TypeElement workflow) {
    var all = new ArrayList<TypeElement>();
    for (TypeElement type = superclass(workflow); type != null; type = superclass(type)) {
      all.add(type);
    }
    var chain = new ArrayList<TypeElement>(List.of(workflow));
    chain.addAll(all);
    all.addAll(interfaces(chain));
    return all;
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror parent = type.getSuperclass();
    if (parent.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = EventTypes.element(parent);
    return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
  }

  /**
   * The same interfaces, each before those it extends, so that a default method is met before
   * the ones it overrides; otherwise in the given order.
   */
  private List<TypeElement> subtypesFirst(List<TypeElement> interfaces) {
    var remaining = new ArrayList<>(interfaces);
    var ordered = new ArrayList<TypeElement>();
    while (!remaining.isEmpty()) {
      TypeElement next = remaining.stream()
          .filter(candidate -> remaining.stream().noneMatch(other -> other != candidate
              && types.isSubtype(types.erasure(other.asType()), types.erasure(candidate.asType()))))
          .findFirst()
          .orElse(remaining.getFirst());
      remaining.remove(next);
      ordered.add(next);
    }
    return ordered;
  }

  /** The interfaces of the given classes and of each other, breadth first, each once. */
  private static List<TypeElement> interfaces(List<TypeElement> classes) {
    var found = new LinkedHashSet<TypeElement>();
    var pending = new ArrayDeque<TypeElement>(classes);
    while (!pending.isEmpty()) {
      for (TypeMirror parent : pending.poll().getInterfaces()) {
        if (parent.getKind() == TypeKind.DECLARED && found.add(EventTypes.element(parent))) {
          pending.add(EventTypes.element(parent));
        }
      }
    }
    return List.copyOf(found);
  }
}
