package io.stepwise.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.stepwise.processor.validation.CodecRule;
import io.stepwise.processor.validation.ErrorReporter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads {@code @Workflow(codecs = ...)}: classes implementing {@code io.stepwise.spi.JsonCodec<T>}
 * that write a field type the generated codecs cannot. Each is checked here, once, so that the
 * codec walk only has to match field types against good codecs; a bad codec is a
 * {@code [Stepwise/Codec]} error on the workflow class.
 */
final class UserCodecReader {
  static final String JSON_CODEC = "io.stepwise.spi.JsonCodec";
  private static final CodecRule CODEC = new CodecRule();

  /**
   * A checked user codec.
   *
   * @param type the {@code T} of its {@code JsonCodec<T>}, matched against field types
   * @param codec the codec class, instantiated once by the generated codecs
   */
  record UserCodec(TypeMirror type, TypeName javaType, ClassName codec) {}

  private final Elements elements;
  private final Types types;
  private final EventTypes eventTypes;
  private final ErrorReporter reporter;

  UserCodecReader(Elements elements, Types types, EventTypes eventTypes, ErrorReporter reporter) {
    this.elements = elements;
    this.types = types;
    this.eventTypes = eventTypes;
    this.reporter = reporter;
  }

  /** The good codecs the workflow names; every bad one has been reported. */
  List<UserCodec> read(TypeElement workflow) {
    var annotation = AnnotationValues.find(elements, workflow, WorkflowReader.WORKFLOW).orElseThrow();
    String packageName = elements.getPackageOf(workflow).getQualifiedName().toString();
    String prefix = CODEC.message("Workflow '" + FieldTypes.label(workflow) + "' names codec ");
    // By the codec's type, in declaration order, to find two codecs for one type.
    Map<String, List<UserCodec>> byType = new LinkedHashMap<>();
    // Annotations older than codecs have none to name.
    List<TypeMirror> named = annotation.has("codecs") ? annotation.types("codecs") : List.of();
    for (TypeMirror listed : named) {
      if (listed.getKind() != TypeKind.DECLARED) {
        reporter.error(workflow, prefix + listed + ", which is not a class. Name a class that implements "
            + JSON_CODEC + "<T>.");
        continue;
      }
      TypeElement codec = EventTypes.element(listed);
      String label = FieldTypes.label(codec);
      String problem = shapeProblem(codec, packageName);
      if (problem != null) {
        reporter.error(workflow, prefix + label + ", which " + problem);
        continue;
      }
      TypeMirror handled = handledType(listed);
      if (handled == null) {
        reporter.error(workflow, prefix + label + ", which does not implement " + JSON_CODEC
            + "<T> for a concrete type T. Implement JsonCodec<T> with T the field type it writes.");
        continue;
      }
      if (eventTypes.isEvent(handled)) {
        reporter.error(workflow, prefix + label + " for " + handled + ", which is an event; events are written"
            + " by the generated codecs, with their type tag. Remove " + label + " from codecs.");
        continue;
      }
      byType.computeIfAbsent(handled.toString(), k -> new ArrayList<>())
          .add(new UserCodec(handled, TypeName.get(handled), ClassName.get(codec)));
    }
    var good = new ArrayList<UserCodec>();
    byType.forEach((type, codecs) -> {
      // The first still writes the fields, so the duplicate is the only error, not one per field too.
      good.add(codecs.getFirst());
      if (codecs.size() > 1) {
        String names = codecs.stream().map(c -> String.join(".", c.codec().simpleNames())).sorted()
            .reduce((a, b) -> a + ", " + b).orElseThrow();
        reporter.error(workflow, CODEC.message("Workflow '" + FieldTypes.label(workflow) + "' names ")
            + codecs.size() + " codecs for " + type + ": " + names + ". Keep one codec per type.");
      }
    });
    return good;
  }

  /** Why generated code cannot write {@code new Codec()}, as the end of a message, or null. */
  private String shapeProblem(TypeElement codec, String packageName) {
    String label = FieldTypes.label(codec);
    if (codec.getKind() != ElementKind.CLASS || codec.getModifiers().contains(Modifier.ABSTRACT)) {
      return "is not a concrete class. Name a class the generated code can create with new " + label + "().";
    }
    if (!codec.getTypeParameters().isEmpty()) {
      return "declares type parameters. Name a codec class without type parameters.";
    }
    for (Element e = codec; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (!visible(t, packageName)) {
        return "is not accessible from the generated code in package " + packageName + ". Make "
            + FieldTypes.label(t) + " public.";
      }
      if (t.getNestingKind().isNested() && !t.getModifiers().contains(Modifier.STATIC)) {
        return "is an inner class. Make " + FieldTypes.label(t) + " static.";
      }
    }
    boolean constructor = ElementFilter.constructorsIn(codec.getEnclosedElements()).stream()
        .anyMatch(c -> c.getParameters().isEmpty() && visible(c, packageName));
    return constructor ? null
        : "has no accessible no-arg constructor. Give " + label + " a public no-arg constructor.";
  }

  /** The {@code T} of the codec's {@code JsonCodec<T>} when it is a concrete type, else null. */
  private TypeMirror handledType(TypeMirror codec) {
    for (TypeMirror supertype : types.directSupertypes(codec)) {
      if (eventTypes.is(supertype, JSON_CODEC)) {
        var arguments = ((DeclaredType) supertype).getTypeArguments();
        if (arguments.size() != 1) {
          return null; // raw
        }
        TypeMirror argument = arguments.getFirst();
        return argument.getKind() == TypeKind.DECLARED || argument.getKind() == TypeKind.ARRAY ? argument : null;
      }
      TypeMirror found = supertype.getKind() == TypeKind.DECLARED ? handledType(supertype) : null;
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private boolean visible(Element element, String packageName) {
    var modifiers = element.getModifiers();
    return modifiers.contains(Modifier.PUBLIC) || (!modifiers.contains(Modifier.PRIVATE)
        && elements.getPackageOf(element).getQualifiedName().contentEquals(packageName));
  }
}
