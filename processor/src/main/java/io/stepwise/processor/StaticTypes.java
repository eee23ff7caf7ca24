package io.stepwise.processor;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The static type of an expression in a step's body, worked out from the source and the element
 * model without attributing the class (see {@link SourceNames} for why). It covers what steps
 * pass to their Context — {@code new E(...)}, variables, fields, casts, calls whose overloads
 * agree on a return type, class literals — and answers null for anything else; the
 * {@link SendCheck} compares the answers with javac's once javac has attributed the class.
 */
final class StaticTypes {
  private final Elements elements;
  private final Types types;
  private final SourceNames names;

  StaticTypes(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.names = new SourceNames(elements, types);
  }

  /**
   * One method body.
   *
   * @param method the path of the method's tree
   * @param parameters the method's parameter types as members of the workflow class
   */
  Body body(TreePath method, ExecutableElement element, List<? extends TypeMirror> parameters) {
    return new Body(method, element, parameters);
  }

  /** Types of expressions in one method body, and the type names it uses that nothing declares yet. */
  final class Body {
    private final TreePath method;
    private final ExecutableElement element;
    private final List<? extends TypeMirror> parameters;
    private final SourceNames.Site site;
    private final Set<String> missing = new TreeSet<>();

    private Body(TreePath method, ExecutableElement element, List<? extends TypeMirror> parameters) {
      this.method = method;
      this.element = element;
      this.parameters = parameters;
      var enclosing = (TypeElement) element.getEnclosingElement();
      this.site = new SourceNames.Site(method.getCompilationUnit(), enclosing, localTypeNames(method.getLeaf()));
    }

    /** Type names used by the expressions asked about so far that resolve to nothing (yet). */
    Set<String> missing() {
      return missing;
    }

    /** The expression's static type, or null when it cannot be told from the source. */
    TypeMirror typeOf(TreePath path) {
      return switch (path.getLeaf()) {
        case ParenthesizedTree parens -> typeOf(new TreePath(path, parens.getExpression()));
        case TypeCastTree cast -> names.typeOf(cast.getType(), site, missing);
        case NewClassTree created -> created.getClassBody() != null || created.getEnclosingExpression() != null
            ? null // an anonymous class or an inner instance: no name to go by
            : names.typeOf(created.getIdentifier(), site, missing);
        case IdentifierTree identifier -> variable(path, identifier.getName().toString());
        case MemberSelectTree select -> select(path, select);
        case MethodInvocationTree call -> invocation(path, call);
        case ConditionalExpressionTree conditional -> same(
            typeOf(new TreePath(path, conditional.getTrueExpression())),
            typeOf(new TreePath(path, conditional.getFalseExpression())));
        case AssignmentTree assignment -> typeOf(new TreePath(path, assignment.getVariable()));
        default -> null;
      };
    }

    private TypeMirror same(TypeMirror a, TypeMirror b) {
      return a != null && b != null && types.isSameType(a, b) ? a : null;
    }

    /** A variable in scope at {@code use}: a local, a parameter, a pattern binding or a field. */
    private TypeMirror variable(TreePath use, String name) {
      if (name.equals("this")) {
        return site.enclosing().asType();
      }
      TreePath local = LocalDeclarations.find(use, method.getLeaf(), name);
      if (local != null) {
        return declaredType(local, (VariableTree) local.getLeaf());
      }
      var params = element.getParameters();
      for (int i = 0; i < params.size(); i++) {
        if (params.get(i).getSimpleName().contentEquals(name)) {
          return parameters.get(i);
        }
      }
      VariableTree binding = LocalDeclarations.binding(method.getLeaf(), name);
      if (binding != null) {
        return binding.getType() == null ? null : names.typeOf(binding.getType(), site, missing);
      }
      return field(site.enclosing(), name);
    }

    /** The written type of a local, or for {@code var} the type of its initializer. */
    private TypeMirror declaredType(TreePath path, VariableTree local) {
      Tree written = local.getType();
      if (written == null || (written instanceof IdentifierTree id && id.getName().contentEquals("var"))) {
        return local.getInitializer() == null ? null : typeOf(new TreePath(path, local.getInitializer()));
      }
      return names.typeOf(written, site, missing);
    }

    private TypeMirror select(TreePath path, MemberSelectTree select) {
      String member = select.getIdentifier().toString();
      if (member.equals("class")) {
        TypeMirror literal = names.typeOf(select.getExpression(), site, missing);
        TypeElement classType = elements.getTypeElement("java.lang.Class");
        return literal == null || literal.getKind() != TypeKind.DECLARED ? null
            : types.getDeclaredType(classType, literal);
      }
      TypeMirror receiver = receiver(new TreePath(path, select.getExpression()));
      return receiver == null ? null : fieldOf(receiver, member);
    }

    /** The type of a receiver expression, or of the type it names (a static member's owner). */
    private TypeMirror receiver(TreePath path) {
      if (path.getLeaf() instanceof IdentifierTree id && id.getName().contentEquals("super")) {
        TypeMirror parent = site.enclosing().getSuperclass();
        return parent.getKind() == TypeKind.DECLARED ? parent : null;
      }
      TypeMirror type = typeOf(path);
      if (type != null) {
        return type;
      }
      if (path.getLeaf() instanceof IdentifierTree || path.getLeaf() instanceof MemberSelectTree) {
        if (names.resolve(path.getLeaf(), site) instanceof SourceNames.Found found) {
          return types.erasure(found.type().asType());
        }
      }
      return null;
    }

    private TypeMirror invocation(TreePath path, MethodInvocationTree call) {
      int arguments = call.getArguments().size();
      if (call.getMethodSelect() instanceof IdentifierTree id) {
        // The innermost class with a method of that name is where the call is looked up (JLS 15.12.1).
        for (Element outer = site.enclosing(); outer instanceof TypeElement type; outer = type.getEnclosingElement()) {
          var candidates = methods(type, id.getName().toString());
          if (!candidates.isEmpty()) {
            return returned((DeclaredType) type.asType(), candidates, arguments);
          }
        }
        return null;
      }
      if (call.getMethodSelect() instanceof MemberSelectTree select) {
        var selectPath = new TreePath(path, select);
        TypeMirror receiver = receiver(new TreePath(selectPath, select.getExpression()));
        if (receiver instanceof DeclaredType declared && declared.asElement() instanceof TypeElement type) {
          return returned(declared, methods(type, select.getIdentifier().toString()), arguments);
        }
      }
      return null;
    }

    /** The return type all applicable overloads agree on, or null. */
    private TypeMirror returned(DeclaredType receiver, List<ExecutableElement> candidates, int arguments) {
      TypeMirror agreed = null;
      for (ExecutableElement candidate : candidates) {
        int declared = candidate.getParameters().size();
        boolean applicable = candidate.isVarArgs() ? arguments >= declared - 1 : arguments == declared;
        if (!applicable) {
          continue;
        }
        if (!candidate.getTypeParameters().isEmpty()) {
          return null; // a generic method's result depends on inference
        }
        TypeMirror result;
        try {
          result = ((ExecutableType) types.asMemberOf(receiver, candidate)).getReturnType();
        } catch (IllegalArgumentException notAMember) {
          return null;
        }
        if (agreed != null && !types.isSameType(agreed, result)) {
          return null;
        }
        agreed = result;
      }
      return agreed;
    }

    private List<ExecutableElement> methods(TypeElement type, String name) {
      return ElementFilter.methodsIn(elements.getAllMembers(type)).stream()
          .filter(m -> m.getSimpleName().contentEquals(name))
          .toList();
    }

    /** A field of the class around the code, or of a class around that. */
    private TypeMirror field(TypeElement from, String name) {
      for (Element outer = from; outer instanceof TypeElement type; outer = type.getEnclosingElement()) {
        TypeMirror found = fieldOf(type.asType(), name);
        if (found != null) {
          return found;
        }
      }
      return null;
    }

    private TypeMirror fieldOf(TypeMirror owner, String name) {
      if (!(owner instanceof DeclaredType declared) || !(declared.asElement() instanceof TypeElement type)) {
        return null;
      }
      for (VariableElement field : ElementFilter.fieldsIn(elements.getAllMembers(type))) {
        if (field.getSimpleName().contentEquals(name)) {
          try {
            return types.asMemberOf(declared, field);
          } catch (IllegalArgumentException notAMember) {
            return field.getModifiers().contains(Modifier.STATIC) ? field.asType() : null;
          }
        }
      }
      return null;
    }
  }

  /** Classes declared inside the method: their names shadow every other type of that name. */
  private static Set<String> localTypeNames(Tree method) {
    var local = new HashSet<String>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree declared, Void unused) {
        local.add(declared.getSimpleName().toString());
        return super.visitClass(declared, unused);
      }
    }.scan(method, null);
    local.remove("");
    return local;
  }
}
