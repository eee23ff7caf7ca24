package io.stepwise.processor.codegen;

import com.palantir.javapoet.ClassName;
import io.stepwise.processor.model.CodecModel;
import io.stepwise.processor.model.CodecModel.Field;
import io.stepwise.processor.model.CodecModel.ObjectShape;
import io.stepwise.processor.model.JsonType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema of each of a workflow's event types, written next to the generated code as
 * {@code META-INF/stepwise/schemas/<definition binary name>.json}: one object whose keys are the
 * events' type tags (their canonical names). Tools read it without running anything, and the
 * workflow server hands it to clients (LlamaIndex's debugger builds its forms from it). It
 * describes what the generated codecs read and write: a record's components are required unless
 * they are {@code Optional}.
 */
public final class JsonSchemaResourceGenerator {
  public static final String DIRECTORY = "META-INF/stepwise/schemas/";

  private JsonSchemaResourceGenerator() {}

  /** The resource path for a definition, e.g. {@code META-INF/stepwise/schemas/com.acme.Foo_Workflow.json}. */
  public static String path(String definitionBinaryName) {
    return DIRECTORY + definitionBinaryName + ".json";
  }

  public static String json(CodecModel model) {
    Map<ClassName, ObjectShape> shapes = new HashMap<>();
    model.objects().forEach(shape -> shapes.put(shape.name(), shape));
    var out = new StringBuilder("{");
    boolean first = true;
    for (ClassName event : model.events()) {
      ObjectShape shape = shapes.get(event);
      if (shape == null) {
        continue;
      }
      out.append(first ? "\n  " : ",\n  ");
      first = false;
      string(out, event.canonicalName());
      out.append(": ");
      object(out, shape, shapes, new HashSet<>());
    }
    return out.append(first ? "}\n" : "\n}\n").toString();
  }

  private static void object(StringBuilder out, ObjectShape shape, Map<ClassName, ObjectShape> shapes,
      Set<ClassName> enclosing) {
    enclosing.add(shape.name());
    out.append("{\"title\": ");
    string(out, shape.name().simpleName());
    out.append(", \"type\": \"object\", \"properties\": {");
    var required = new StringBuilder();
    for (int i = 0; i < shape.fields().size(); i++) {
      Field field = shape.fields().get(i);
      out.append(i == 0 ? "" : ", ");
      string(out, field.name());
      out.append(": ");
      type(out, field.type(), shapes, enclosing);
      if (shape.record() && !(field.type() instanceof JsonType.OptionalOf)) {
        required.append(required.isEmpty() ? "" : ", ");
        string(required, field.name());
      }
    }
    out.append("}");
    if (!required.isEmpty()) {
      out.append(", \"required\": [").append(required).append("]");
    }
    out.append("}");
    enclosing.remove(shape.name());
  }

  private static void type(StringBuilder out, JsonType type, Map<ClassName, ObjectShape> shapes,
      Set<ClassName> enclosing) {
    switch (type) {
      case JsonType.Primitive p -> out.append(simple(p.name()));
      case JsonType.Library l -> out.append(library(l.constant()));
      case JsonType.EnumRef e -> out.append("{\"type\": \"string\"}");
      case JsonType.ObjectRef o -> {
        ObjectShape shape = shapes.get(o.javaType());
        if (shape == null || enclosing.contains(o.javaType())) {
          out.append("{\"type\": \"object\"}"); // a type that contains itself: described once
        } else {
          object(out, shape, shapes, enclosing);
        }
      }
      case JsonType.SealedRef s -> out.append("{\"type\": \"object\", \"required\": [\"@type\"]}");
      case JsonType.OpenEvent o -> out.append("{\"type\": \"object\", \"required\": [\"@type\"]}");
      case JsonType.ListOf l -> array(out, l.element(), shapes, enclosing);
      case JsonType.SetOf s -> array(out, s.element(), shapes, enclosing);
      case JsonType.ArrayOf a -> array(out, a.element(), shapes, enclosing);
      case JsonType.MapOf m -> {
        out.append("{\"type\": \"object\", \"additionalProperties\": ");
        type(out, m.value(), shapes, enclosing);
        out.append("}");
      }
      case JsonType.OptionalOf o -> type(out, o.value(), shapes, enclosing);
      // A codec the user supplies writes whatever JSON it likes: the schema cannot say more.
      case JsonType.UserCodec u -> out.append("{}");
    }
  }

  private static void array(StringBuilder out, JsonType element, Map<ClassName, ObjectShape> shapes,
      Set<ClassName> enclosing) {
    out.append("{\"type\": \"array\", \"items\": ");
    type(out, element, shapes, enclosing);
    out.append("}");
  }

  private static String simple(String primitive) {
    return switch (primitive) {
      case "Boolean" -> "{\"type\": \"boolean\"}";
      case "Int", "Long", "Short", "Byte" -> "{\"type\": \"integer\"}";
      case "Double", "Float" -> "{\"type\": \"number\"}";
      default -> "{\"type\": \"string\"}";
    };
  }

  private static String library(String constant) {
    return switch (constant) {
      case "BOOLEAN" -> "{\"type\": \"boolean\"}";
      case "INTEGER", "LONG", "SHORT", "BYTE", "BIG_INTEGER" -> "{\"type\": \"integer\"}";
      case "DOUBLE", "FLOAT", "BIG_DECIMAL" -> "{\"type\": \"number\"}";
      case "INSTANT", "OFFSET_DATE_TIME", "LOCAL_DATE_TIME" -> "{\"type\": \"string\", \"format\": \"date-time\"}";
      case "LOCAL_DATE" -> "{\"type\": \"string\", \"format\": \"date\"}";
      case "DURATION" -> "{\"type\": \"string\", \"format\": \"duration\"}";
      case "UUID_CODEC" -> "{\"type\": \"string\", \"format\": \"uuid\"}";
      case "INTS", "LONGS", "SHORTS" -> "{\"type\": \"array\", \"items\": {\"type\": \"integer\"}}";
      case "DOUBLES", "FLOATS" -> "{\"type\": \"array\", \"items\": {\"type\": \"number\"}}";
      case "BOOLEANS" -> "{\"type\": \"array\", \"items\": {\"type\": \"boolean\"}}";
      case "BYTES" -> "{\"type\": \"string\", \"contentEncoding\": \"base64\"}";
      default -> "{\"type\": \"string\"}";
    };
  }

  private static void string(StringBuilder out, String text) {
    out.append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
