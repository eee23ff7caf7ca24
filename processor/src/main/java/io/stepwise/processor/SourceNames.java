package io.stepwise.processor;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WildcardTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Resolves type names written in a source file the way javac would (JLS 6.5.5), using only the
 * file's imports and the element model. Asking javac instead would attribute the whole class in
 * the middle of annotation processing, which breaks the compiler when the class refers to a type
 * that is generated later, such as its own {@code Foo_Workflow}.
 */
final class SourceNames {
  /** Where a name is written: the file, the class around the code, and names that shadow types. */
  record Site(CompilationUnitTree unit, TypeElement enclosing, Set<String> shadowing) {}

  /** The outcome of resolving one name: a type, a name that is unknown for now, or neither. */
  sealed interface Resolved {}

  /** The name denotes this type. */
  record Found(TypeElement type) implements Resolved {}

  /** Nothing declares the name yet: another processor may still generate it. */
  record Missing(String name) implements Resolved {}

  /** The name is a type parameter, a local class or otherwise beyond this resolver. */
  record Unknown() implements Resolved {}

  private static final Unknown UNKNOWN = new Unknown();

  private final Elements elements;
  private final Types types;

  SourceNames(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The type a type tree denotes, with its type arguments when they resolve; null when unknown or missing. */
  TypeMirror typeOf(Tree tree, Site site, Set<String> missing) {
    return switch (tree) {
      case AnnotatedTypeTree annotated -> typeOf(annotated.getUnderlyingType(), site, missing);
      case ParameterizedTypeTree generic -> parameterized(generic, site, missing);
      case ArrayTypeTree array -> {
        TypeMirror component = typeOf(array.getType(), site, missing);
        yield component == null ? null : types.getArrayType(component);
      }
      case IdentifierTree ignored -> declared(tree, site, missing);
      case MemberSelectTree ignored -> declared(tree, site, missing);
      default -> null; // primitives, var, wildcards outside type arguments: never events
    };
  }

  private TypeMirror declared(Tree tree, Site site, Set<String> missing) {
    return switch (resolve(tree, site)) {
      case Found found -> types.erasure(found.type().asType());
      case Missing absent -> {
        missing.add(absent.name());
        yield null;
      }
      case Unknown ignored -> null;
    };
  }

  private TypeMirror parameterized(ParameterizedTypeTree generic, Site site, Set<String> missing) {
    if (!(resolve(generic.getType(), site) instanceof Found found)) {
      return declared(generic.getType(), site, missing);
    }
    TypeElement element = found.type();
    var arguments = new ArrayList<TypeMirror>();
    for (Tree argument : generic.getTypeArguments()) {
      TypeMirror type = argument instanceof WildcardTree wildcard
          ? wildcard(wildcard, site, missing)
          : typeOf(argument, site, missing);
      if (type == null) {
        return types.erasure(element.asType());
      }
      arguments.add(type);
    }
    boolean innerOfGeneric = element.getEnclosingElement() instanceof TypeElement outer
        && !outer.getTypeParameters().isEmpty();
    if (arguments.size() != element.getTypeParameters().size() || innerOfGeneric) {
      return types.erasure(element.asType()); // a diamond, or a shape not worth modelling
    }
    return types.getDeclaredType(element, arguments.toArray(TypeMirror[]::new));
  }

  private TypeMirror wildcard(WildcardTree wildcard, Site site, Set<String> missing) {
    if (wildcard.getBound() == null) {
      return types.getWildcardType(null, null);
    }
    TypeMirror bound = typeOf(wildcard.getBound(), site, missing);
    if (bound == null) {
      return null;
    }
    return wildcard.getKind() == Tree.Kind.SUPER_WILDCARD
        ? types.getWildcardType(null, bound)
        : types.getWildcardType(bound, null);
  }

  /** Resolves a simple or qualified type name. */
  Resolved resolve(Tree name, Site site) {
    return switch (name) {
      case IdentifierTree simple -> simple(simple.getName().toString(), site);
      case MemberSelectTree qualified -> qualified(qualified, site);
      case ParameterizedTypeTree generic -> resolve(generic.getType(), site);
      case AnnotatedTypeTree annotated -> resolve(annotated.getUnderlyingType(), site);
      default -> UNKNOWN;
    };
  }

  private Resolved qualified(MemberSelectTree name, Site site) {
    String member = name.getIdentifier().toString();
    if (resolve(name.getExpression(), site) instanceof Found outer) {
      TypeElement nested = memberType(outer.type(), member);
      return nested != null ? new Found(nested) : new Missing(outer.type().getQualifiedName() + "." + member);
    }
    // Not a type: the qualifier is a package.
    String canonical = name.toString();
    TypeElement type = elements.getTypeElement(canonical);
    return type != null ? new Found(type) : new Missing(canonical);
  }

  /** JLS 6.4.1: local and member types shadow single-type imports, which shadow the package, then on-demand imports. */
  private Resolved simple(String name, Site site) {
    if (site.shadowing().contains(name)) {
      return UNKNOWN;
    }
    for (Element outer = site.enclosing(); outer instanceof TypeElement type; outer = type.getEnclosingElement()) {
      if (type.getTypeParameters().stream().anyMatch(p -> p.getSimpleName().contentEquals(name))) {
        return UNKNOWN;
      }
      if (type.getSimpleName().contentEquals(name)) {
        return new Found(type);
      }
      TypeElement member = memberType(type, name);
      if (member != null) {
        return new Found(member);
      }
    }
    for (ImportTree imported : site.unit().getImports()) {
      String path = imported.getQualifiedIdentifier().toString();
      if (path.endsWith("." + name)) {
        TypeElement type = elements.getTypeElement(path);
        if (type != null) {
          return new Found(type);
        }
        if (!imported.isStatic()) {
          return new Missing(path); // a single-type import of a type not generated yet
        }
      }
    }
    String packageName = site.unit().getPackageName() == null ? "" : site.unit().getPackageName().toString();
    TypeElement local = elements.getTypeElement(packageName.isEmpty() ? name : packageName + "." + name);
    if (local != null) {
      return new Found(local);
    }
    Set<TypeElement> onDemand = new HashSet<>();
    for (ImportTree imported : site.unit().getImports()) {
      String path = imported.getQualifiedIdentifier().toString();
      if (path.endsWith(".*")) {
        String container = path.substring(0, path.length() - 2);
        TypeElement type = elements.getTypeElement(container + "." + name);
        if (type != null) {
          onDemand.add(type);
        }
      }
    }
    if (onDemand.size() == 1) {
      return new Found(onDemand.iterator().next());
    }
    if (onDemand.size() > 1) {
      return UNKNOWN; // ambiguous: javac reports it
    }
    TypeElement lang = elements.getTypeElement("java.lang." + name);
    return lang != null ? new Found(lang) : new Missing(name);
  }

  /** A member type of {@code type} named {@code name}, declared or inherited. */
  private TypeElement memberType(TypeElement type, String name) {
    List<TypeElement> found = ElementFilter.typesIn(elements.getAllMembers(type)).stream()
        .filter(t -> t.getSimpleName().contentEquals(name))
        .toList();
    return found.size() == 1 ? found.getFirst() : null;
  }
}
