package io.stepwise.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.stepwise.processor.model.CodecModel.Field;
import io.stepwise.processor.model.CodecModel.ObjectShape;
import io.stepwise.processor.model.CodecModel.SealedShape;
import io.stepwise.processor.model.JsonType;
import io.stepwise.processor.validation.ErrorReporter;
import io.stepwise.processor.validation.UnserializableRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Classifies field types into {@link JsonType}s, walking into records and classes they contain.
 *
 * <p>Paths name the root type, then {@code .field}; elements of lists, sets and arrays add
 * {@code []}, map values {@code {}}, an {@code Optional} adds nothing, and a subtype of a sealed type
 * adds {@code (Subtype)}: {@code Order.lines[].shape(Circle).radius}.
 */
final class FieldTypes {
  private static final UnserializableRule UNSERIALIZABLE = new UnserializableRule();

  private static final ClassName SPI_CODECS = ClassName.get("io.stepwise.spi", "JsonCodecs");
  private static final ClassName SPI_ARRAYS = ClassName.get("io.stepwise.spi", "JsonArrays");
  private static final Map<String, String> LIBRARY = Map.ofEntries(
      Map.entry("java.lang.String", "STRING"), Map.entry("java.lang.Boolean", "BOOLEAN"),
      Map.entry("java.lang.Integer", "INTEGER"), Map.entry("java.lang.Long", "LONG"),
      Map.entry("java.lang.Short", "SHORT"), Map.entry("java.lang.Byte", "BYTE"),
      Map.entry("java.lang.Character", "CHARACTER"), Map.entry("java.lang.Double", "DOUBLE"),
      Map.entry("java.lang.Float", "FLOAT"), Map.entry("java.math.BigDecimal", "BIG_DECIMAL"),
      Map.entry("java.math.BigInteger", "BIG_INTEGER"), Map.entry("java.util.UUID", "UUID_CODEC"),
      Map.entry("java.time.Instant", "INSTANT"), Map.entry("java.time.Duration", "DURATION"),
      Map.entry("java.time.LocalDate", "LOCAL_DATE"), Map.entry("java.time.LocalDateTime", "LOCAL_DATE_TIME"),
      Map.entry("java.time.OffsetDateTime", "OFFSET_DATE_TIME"));
  private static final Map<TypeKind, String> PRIMITIVE_ARRAYS = Map.of(
      TypeKind.INT, "INTS", TypeKind.LONG, "LONGS", TypeKind.DOUBLE, "DOUBLES", TypeKind.FLOAT, "FLOATS",
      TypeKind.SHORT, "SHORTS", TypeKind.BOOLEAN, "BOOLEANS", TypeKind.CHAR, "CHARS");
  private static final String FIX = "Use a supported type (see docs/persistence.md), mark the field transient"
      + " in a class, or supply a codec: @Workflow(codecs = YourCodec.class) with YourCodec implementing"
      + " io.stepwise.spi.JsonCodec<";

  private final Elements elements;
  private final Types types;
  private final EventTypes eventTypes;
  private final ErrorReporter reporter;

  FieldTypes(Elements elements, Types types, EventTypes eventTypes, ErrorReporter reporter) {
    this.elements = elements;
    this.types = types;
    this.eventTypes = eventTypes;
    this.reporter = reporter;
  }

  /** @param userCodecs the workflow's own codecs, which win over everything else for their type */
  Walk newWalk(String packageName, List<UserCodecReader.UserCodec> userCodecs) {
    return new Walk(packageName, userCodecs);
  }

  /** One workflow's walk: each type is visited once, so each bad field is reported once. */
  final class Walk {
    private final String packageName;
    private final List<UserCodecReader.UserCodec> userCodecs;
    private final java.util.Set<UserCodecReader.UserCodec> used = new java.util.HashSet<>();
    private final Map<String, ObjectShape> objects = new TreeMap<>();
    private final Map<String, ClassName> enums = new TreeMap<>();
    private final Map<String, SealedShape> sealed = new TreeMap<>();
    private final java.util.Set<String> visited = new java.util.HashSet<>();
    private String rootLabel;
    private Element site;

    private Walk(String packageName, List<UserCodecReader.UserCodec> userCodecs) {
      this.packageName = packageName;
      this.userCodecs = List.copyOf(userCodecs);
    }

    /** @param kind {@code Event} or {@code State}, for messages */
    void root(String kind, TypeElement type, Element site) {
      this.rootLabel = kind + " " + label(type);
      this.site = site;
      object(type, label(type));
    }

    /** The user codecs no field used, in declaration order. */
    List<UserCodecReader.UserCodec> unusedCodecs() {
      return userCodecs.stream().filter(c -> !used.contains(c)).toList();
    }

    List<ObjectShape> objects() {
      return List.copyOf(objects.values());
    }

    List<ClassName> enums() {
      return List.copyOf(enums.values());
    }

    List<SealedShape> sealed() {
      return List.copyOf(sealed.values());
    }

    private void object(TypeElement type, String path) {
      String name = type.getQualifiedName().toString();
      if (!visited.add(name)) {
        return;
      }
      if (!accessible(type, path)) {
        return;
      }
      if (!type.getTypeParameters().isEmpty()) {
        error(path + " has type " + label(type) + ", which declares type parameters",
            "Use a record or class without type parameters.");
        return;
      }
      var fields = new ArrayList<Field>();
      boolean record = type.getKind() == ElementKind.RECORD;
      if (record) {
        for (RecordComponentElement component : type.getRecordComponents()) {
          String field = component.getSimpleName().toString();
          JsonType json = classify(component.asType(), path + "." + field);
          if (json != null) {
            fields.add(new Field(field, json));
          }
        }
      } else {
        boolean constructor = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
            .anyMatch(c -> c.getParameters().isEmpty() && visible(c));
        if (!constructor) {
          error(path + " has type " + label(type) + ", which has no accessible no-arg constructor",
              "Add a public no-arg constructor to " + label(type) + ", make it a record, or supply a codec:"
                  + " @Workflow(codecs = YourCodec.class) with YourCodec implementing io.stepwise.spi.JsonCodec<"
                  + label(type) + ">.");
        }
        var byName = new java.util.HashMap<String, VariableElement>(); // to find a field hiding an inherited one
        for (VariableElement field : instanceFields(type)) {
          String fieldName = field.getSimpleName().toString();
          String fieldPath = path + "." + fieldName;
          if (!visible(field) || field.getModifiers().contains(Modifier.FINAL)) {
            error(fieldPath + " is " + (visible(field) ? "final" : "not accessible to generated code"),
                "Make it a non-final, non-private field, or mark it transient.");
            continue;
          }
          VariableElement hidden = byName.putIfAbsent(fieldName, field);
          if (hidden != null) {
            // Both would be written under one JSON name, which no reader accepts twice.
            error(fieldPath + " hides the field " + fieldName + " of "
                + label((TypeElement) hidden.getEnclosingElement()) + ", and both would be written as \"" + fieldName
                + "\"", "Rename one of them, or mark one transient.");
            continue;
          }
          JsonType json = classify(field.asType(), fieldPath);
          if (json != null) {
            fields.add(new Field(fieldName, json));
          }
        }
      }
      objects.put(name, new ObjectShape(ClassName.get(type), record, fields));
    }

    private JsonType classify(TypeMirror type, String path) {
      if (type.getKind() == TypeKind.DECLARED || type.getKind() == TypeKind.ARRAY) {
        for (var user : userCodecs) {
          if (types.isSameType(type, user.type())) {
            used.add(user);
            return new JsonType.UserCodec(user.codec(), user.javaType());
          }
        }
      }
      switch (type.getKind()) {
        case BOOLEAN: return primitive("Boolean", type);
        case INT: return primitive("Int", type);
        case LONG: return primitive("Long", type);
        case DOUBLE: return primitive("Double", type);
        case FLOAT: return primitive("Float", type);
        case SHORT: return primitive("Short", type);
        case BYTE: return primitive("Byte", type);
        case CHAR: return primitive("Char", type);
        case ARRAY: return array((ArrayType) type, path);
        case DECLARED: return declared((DeclaredType) type, path);
        case ERROR: throw new MissingTypeException(type.toString()); // perhaps generated later
        default: return unsupported(type, path);
      }
    }

    private JsonType primitive(String name, TypeMirror type) {
      return new JsonType.Primitive(name, TypeName.get(type).box());
    }

    private JsonType array(ArrayType type, String path) {
      TypeMirror component = type.getComponentType();
      if (component.getKind() == TypeKind.BYTE) {
        return new JsonType.Library(SPI_CODECS, "BYTES", TypeName.get(type));
      }
      if (component.getKind().isPrimitive()) {
        return new JsonType.Library(SPI_ARRAYS, PRIMITIVE_ARRAYS.get(component.getKind()), TypeName.get(type));
      }
      JsonType element = classify(component, path + "[]");
      if (element != null && element.javaType() instanceof ParameterizedTypeName) {
        return unsupported(type, path); // T<X>[]::new would be a generic array creation
      }
      return element == null ? null : new JsonType.ArrayOf(element, ArrayTypeName.of(element.javaType()));
    }

    private JsonType declared(DeclaredType type, String path) {
      var element = (TypeElement) type.asElement();
      String name = element.getQualifiedName().toString();
      List<? extends TypeMirror> args = type.getTypeArguments();
      if (LIBRARY.containsKey(name)) {
        return new JsonType.Library(SPI_CODECS, LIBRARY.get(name), ClassName.get(element));
      }
      switch (name) {
        case "java.util.List", "java.util.Set", "java.util.Optional" -> {
          if (args.isEmpty()) {
            return unsupported(type, path);
          }
          JsonType inner = classify(args.get(0), name.equals("java.util.Optional") ? path : path + "[]");
          if (inner == null) {
            return null;
          }
          if (name.equals("java.util.Optional") && inner instanceof JsonType.OptionalOf) {
            // Both an empty inner and an empty outer Optional are JSON null: one would read back as the other.
            error(path + " has type " + type + ", an Optional of an Optional, whose two empty values JSON cannot"
                + " tell apart", "Use one Optional, or a record that says which value is missing.");
            return null;
          }
          var javaType = ParameterizedTypeName.get(ClassName.get(element), inner.javaType());
          return switch (name) {
            case "java.util.List" -> new JsonType.ListOf(inner, javaType);
            case "java.util.Set" -> new JsonType.SetOf(inner, javaType);
            default -> new JsonType.OptionalOf(inner, javaType);
          };
        }
        case "java.util.Map" -> {
          if (args.size() != 2 || !eventTypes.is(args.get(0), "java.lang.String")) {
            return unsupported(type, path);
          }
          JsonType value = classify(args.get(1), path + "{}");
          return value == null ? null : new JsonType.MapOf(value,
              ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), value.javaType()));
        }
        default -> {
          return custom(type, element, path);
        }
      }
    }

    private JsonType custom(DeclaredType type, TypeElement element, String path) {
      String name = element.getQualifiedName().toString();
      if (element.getKind() == ElementKind.ENUM) {
        if (!accessible(element, path)) {
          return null;
        }
        enums.put(name, ClassName.get(element));
        return new JsonType.EnumRef(ClassName.get(element));
      }
      boolean event = eventTypes.isEvent(type);
      if (event && (CodecReader.BUILT_IN.contains(name) || !EventTypes.isClosed(element))) {
        return new JsonType.OpenEvent(ClassName.get(element));
      }
      if (EventTypes.isSealed(element)) {
        var leaves = new ArrayList<ClassName>();
        for (var leaf : eventTypes.expand(element)) {
          TypeElement leafType = elements.getTypeElement(leaf.canonicalName());
          object(leafType, path + "(" + label(leafType) + ")");
          leaves.add(ClassName.get(leafType));
        }
        if (!accessible(element, path)) {
          return null;
        }
        sealed.put(name, new SealedShape(ClassName.get(element), leaves));
        return new JsonType.SealedRef(ClassName.get(element));
      }
      boolean concrete = EventTypes.isConcrete(element) && element.getKind() != ElementKind.ENUM;
      boolean nestedInner = element.getNestingKind().isNested() && !element.getModifiers().contains(Modifier.STATIC)
          && element.getKind() == ElementKind.CLASS;
      if (!concrete || nestedInner || !type.getTypeArguments().isEmpty() || isJdk(name)) {
        return unsupported(type, path);
      }
      object(element, path);
      return new JsonType.ObjectRef(ClassName.get(element));
    }

    private JsonType unsupported(TypeMirror type, String path) {
      error(path + " has type " + type, FIX + type + ">.");
      return null;
    }

    private boolean accessible(TypeElement type, String path) {
      for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
        if (!visible(t)) {
          error(path + " has type " + label(type) + ", which is not accessible to generated code in package "
              + packageName, "Make " + label(t) + " public, or package-private in package " + packageName + ".");
          return false;
        }
      }
      return true;
    }

    private boolean visible(Element element) {
      var modifiers = element.getModifiers();
      if (modifiers.contains(Modifier.PUBLIC)) {
        return true;
      }
      return !modifiers.contains(Modifier.PRIVATE)
          && elements.getPackageOf(element).getQualifiedName().contentEquals(packageName);
    }

    private List<VariableElement> instanceFields(TypeElement type) {
      var fields = new ArrayList<VariableElement>();
      TypeMirror superclass = type.getSuperclass();
      if (superclass.getKind() == TypeKind.DECLARED && !eventTypes.is(superclass, "java.lang.Object")) {
        fields.addAll(instanceFields((TypeElement) types.asElement(superclass)));
      }
      for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        var modifiers = field.getModifiers();
        if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)) {
          fields.add(field);
        }
      }
      return fields;
    }

    private void error(String fact, String fix) {
      reporter.error(site, UNSERIALIZABLE.message(rootLabel + " cannot be written to JSON: " + fact)
          + ". " + fix);
    }
  }

  /** JDK classes are never walked into: their fields are not ours to serialize. */
  private static boolean isJdk(String name) {
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.");
  }

  static String label(TypeElement type) {
    return String.join(".", ClassName.get(type).simpleNames());
  }
}
