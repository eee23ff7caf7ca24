package io.stepwise.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The values of one annotation, defaults included, read through mirrors because the processor
 * does not have the annotation classes on its class path.
 */
final class AnnotationValues {
  private final Map<String, AnnotationValue> values;
  private final java.util.Set<String> written;
  private final Elements elements;

  private AnnotationValues(Elements elements, AnnotationMirror mirror) {
    this.elements = elements;
    this.written = mirror.getElementValues().keySet().stream()
        .map(e -> e.getSimpleName().toString())
        .collect(Collectors.toSet());
    this.values = elements.getElementValuesWithDefaults(mirror).entrySet().stream()
        .collect(Collectors.toMap(e -> e.getKey().getSimpleName().toString(), Map.Entry::getValue));
  }

  private AnnotationValues(Elements elements, Map<String, AnnotationValue> values) {
    this.elements = elements;
    this.written = java.util.Set.of();
    this.values = values;
  }

  /** The default values of the annotation type named {@code qualifiedName}, as if written bare. */
  static AnnotationValues defaults(Elements elements, String qualifiedName) {
    TypeElement type = elements.getTypeElement(qualifiedName);
    Map<String, AnnotationValue> defaults = new HashMap<>();
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof ExecutableElement method && method.getDefaultValue() != null) {
        defaults.put(method.getSimpleName().toString(), method.getDefaultValue());
      }
    }
    return new AnnotationValues(elements, defaults);
  }

  /** The annotation named {@code qualifiedName} on {@code element}, if present. */
  static Optional<AnnotationValues> find(Elements elements, Element element, String qualifiedName) {
    return findMirror(element, qualifiedName).map(m -> new AnnotationValues(elements, m));
  }

  static Optional<? extends AnnotationMirror> findMirror(Element element, String qualifiedName) {
    return element.getAnnotationMirrors().stream()
        .filter(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName))
        .findFirst();
  }

  /** Whether the annotation has this member: an older annotations jar may lack a newer one. */
  boolean has(String name) {
    return values.containsKey(name);
  }

  /** Whether the source writes {@code name} rather than leaving its default. */
  boolean written(String name) {
    return written.contains(name);
  }

  String string(String name) {
    return (String) values.get(name).getValue();
  }

  int integer(String name) {
    return (Integer) values.get(name).getValue();
  }

  double decimal(String name) {
    return (Double) values.get(name).getValue();
  }

  boolean bool(String name) {
    return (Boolean) values.get(name).getValue();
  }

  AnnotationValues annotation(String name) {
    return new AnnotationValues(elements, (AnnotationMirror) values.get(name).getValue());
  }

  /** @throws MissingTypeException when a class does not resolve: it may be generated in a later round */
  List<TypeMirror> types(String name) {
    var types = new ArrayList<TypeMirror>();
    for (AnnotationValue value : list(name)) {
      // javac gives a class that does not resolve as an error type, or as a placeholder string.
      if (!(value.getValue() instanceof TypeMirror type)) {
        throw new MissingTypeException("a class listed in " + name);
      }
      MissingTypeException.check(type);
      types.add(type);
    }
    return types;
  }

  List<String> strings(String name) {
    return list(name).stream().map(v -> (String) v.getValue()).toList();
  }

  /** Enum constant names of an array of enums. */
  List<String> enumNames(String name) {
    return list(name).stream().map(v -> ((VariableElement) v.getValue()).getSimpleName().toString()).toList();
  }

  @SuppressWarnings("unchecked") // an array member's value is always a list of AnnotationValue
  private List<? extends AnnotationValue> list(String name) {
    return (List<? extends AnnotationValue>) values.get(name).getValue();
  }
}
