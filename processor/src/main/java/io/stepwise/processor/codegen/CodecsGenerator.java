package io.stepwise.processor.codegen;

import static io.stepwise.processor.codegen.RuntimeTypes.CODEC_REGISTRY;
import static io.stepwise.processor.codegen.RuntimeTypes.GENERATED;
import static io.stepwise.processor.codegen.RuntimeTypes.JSON_CODEC;
import static io.stepwise.processor.codegen.RuntimeTypes.JSON_CODECS;
import static io.stepwise.processor.codegen.RuntimeTypes.JSON_CONTAINERS;
import static io.stepwise.processor.codegen.RuntimeTypes.JSON_READER;
import static io.stepwise.processor.codegen.RuntimeTypes.JSON_WRITER;
import static io.stepwise.processor.codegen.RuntimeTypes.OBJECT_CODEC;
import static io.stepwise.processor.codegen.RuntimeTypes.TAGGED_CODEC;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.stepwise.processor.model.CodecModel;
import io.stepwise.processor.model.CodecModel.Field;
import io.stepwise.processor.model.CodecModel.ObjectShape;
import io.stepwise.processor.model.JsonType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Foo_Codecs}: one codec constant per record, class, enum and sealed type of the
 * workflow's events and state, container codecs built from them, and the workflow's
 * {@code CodecRegistry}. Constants are ordered so that class initialization only reads ones
 * already initialized; codecs refer to each other inside methods, which allows recursive types.
 */
public final class CodecsGenerator {
  private final boolean generatedAvailable;

  public CodecsGenerator(boolean generatedAvailable) {
    this.generatedAvailable = generatedAvailable;
  }

  public JavaFile generate(CodecModel model) {
    return new Run(model).file();
  }

  private final class Run {
    private final CodecModel model;
    private final CodecNames names = new CodecNames();
    private final List<FieldSpec> openEvents = new ArrayList<>();
    private final List<FieldSpec> userCodecs = new ArrayList<>();
    private final List<FieldSpec> containers = new ArrayList<>();

    Run(CodecModel model) {
      this.model = model;
    }

    JavaFile file() {
      var type = TypeSpec.classBuilder(model.codecsName()).addModifiers(Modifier.FINAL)
          .addJavadoc("JSON codecs of workflow '$L': its events, state and the types they contain.\n",
              model.workflowName());
      for (ClassName e : model.enums()) {
        type.addField(FieldSpec.builder(codecOf(e), named(e), Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.enumOf($T.class, $T.values())", JSON_CODECS, e, e).build());
      }
      for (ObjectShape shape : model.objects()) {
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(OBJECT_CODEC, shape.name()), named(shape.name()),
            Modifier.STATIC, Modifier.FINAL).initializer("$L", objectCodec(shape)).build());
      }
      for (var sealed : model.sealed()) {
        var init = CodeBlock.builder().add("$T.<$T>builder($S)", TAGGED_CODEC, sealed.name(),
            "a " + String.join(".", sealed.name().simpleNames()));
        for (ClassName leaf : sealed.leaves()) {
          init.add("\n$>$>.add($T.class, $S, $L)$<$<", leaf, leaf.canonicalName(), named(leaf));
        }
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(TAGGED_CODEC, sealed.name()), named(sealed.name()),
            Modifier.STATIC, Modifier.FINAL).initializer(init.add("\n$>$>.build()$<$<").build()).build());
      }
      type.addField(FieldSpec.builder(CODEC_REGISTRY, "REGISTRY", Modifier.STATIC, Modifier.FINAL)
          .initializer(registry()).build());
      // Containers read user codecs while the class initializes, so those come first.
      type.addFields(openEvents).addFields(userCodecs).addFields(containers);
      type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
      if (generatedAvailable) {
        type.addAnnotation(AnnotationSpec.builder(GENERATED)
            .addMember("value", "$S", WorkflowDefinitionGenerator.PROCESSOR).build());
      }
      return JavaFile.builder(model.codecsName().packageName(), type.build())
          .skipJavaLangImports(true).indent("  ").build();
    }

    private CodeBlock registry() {
      var init = CodeBlock.builder().add("$T.builder($S)", CODEC_REGISTRY, model.workflowName());
      for (ClassName event : model.events()) {
        init.add("\n$>$>.event($T.class, $S, $L)$<$<", event, event.canonicalName(), named(event));
      }
      model.state().ifPresent(s -> init.add("\n$>$>.state($T.class, $L)$<$<", s, named(s)));
      for (ClassName config : model.configs()) {
        init.add("\n$>$>.config($T.class, $L)$<$<", config, named(config));
      }
      return init.add("\n$>$>.build()$<$<").build();
    }

    private TypeSpec objectCodec(ObjectShape shape) {
      ClassName type = shape.name();
      var write = MethodSpec.methodBuilder("writeFields").addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).addParameter(JSON_WRITER, "out").addParameter(type, "value");
      for (Field field : shape.fields()) {
        CodeBlock get = shape.record() ? CodeBlock.of("value.$N()", field.name()) : CodeBlock.of("value.$N", field.name());
        write.addStatement("out.name($S)", field.name());
        if (field.type() instanceof JsonType.Primitive) {
          write.addStatement("out.value($L)", get);
        } else {
          write.addStatement("out.write($L, $L)", codec(field.type()), get);
        }
      }
      return TypeSpec.anonymousClassBuilder("")
          .addSuperinterface(ParameterizedTypeName.get(OBJECT_CODEC, type))
          .addMethod(write.build())
          .addMethod(readFields(shape))
          .build();
    }

    private MethodSpec readFields(ObjectShape shape) {
      ClassName type = shape.name();
      var read = MethodSpec.methodBuilder("readFields").addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).returns(type).addParameter(JSON_READER, "in");
      List<Field> fields = shape.fields();
      if (shape.record()) {
        for (int i = 0; i < fields.size(); i++) {
          JsonType json = fields.get(i).type();
          read.addStatement("$T v$L = $L", localType(json), i, defaultValue(json));
        }
      } else {
        // Missing fields keep what the no-arg constructor gave them.
        read.addStatement("$T result = new $T()", type, type);
      }
      if (fields.isEmpty()) {
        read.beginControlFlow("while (in.nextField() != null)").addStatement("in.skipValue()").endControlFlow();
      } else {
        read.beginControlFlow("for (String field; (field = in.nextField()) != null; )")
            .beginControlFlow("switch (field)");
        for (int i = 0; i < fields.size(); i++) {
          Field field = fields.get(i);
          CodeBlock target = shape.record() ? CodeBlock.of("v$L", i) : CodeBlock.of("result.$N", field.name());
          read.addStatement("case $S -> $L = $L", field.name(), target, readValue(field.type()));
        }
        read.addStatement("default -> in.skipValue()").endControlFlow().endControlFlow();
      }
      if (shape.record()) {
        var args = new ArrayList<CodeBlock>();
        for (int i = 0; i < fields.size(); i++) {
          args.add(CodeBlock.of("v$L", i));
        }
        read.addStatement("return new $T($L)", type, CodeBlock.join(args, ", "));
      } else {
        read.addStatement("return result");
      }
      return read.build();
    }

    private CodeBlock readValue(JsonType json) {
      if (json instanceof JsonType.Primitive p) {
        return CodeBlock.of("in.read$L()", p.name());
      }
      return CodeBlock.of("in.read($L)", codec(json));
    }

    private TypeName localType(JsonType json) {
      return json instanceof JsonType.Primitive p ? p.javaType().unbox() : json.javaType();
    }

    private CodeBlock defaultValue(JsonType json) {
      if (json instanceof JsonType.Primitive p) {
        return switch (p.name()) {
          case "Boolean" -> CodeBlock.of("false");
          case "Char" -> CodeBlock.of("'\\0'");
          case "Int" -> CodeBlock.of("0");
          case "Long" -> CodeBlock.of("0L");
          case "Double" -> CodeBlock.of("0.0");
          case "Float" -> CodeBlock.of("0.0f");
          case "Short" -> CodeBlock.of("(short) 0");
          default -> CodeBlock.of("(byte) 0");
        };
      }
      if (json instanceof JsonType.OptionalOf) {
        return CodeBlock.of("$T.empty()", Optional.class);
      }
      return CodeBlock.of("null");
    }

    /** The codec expression for a non-primitive type; containers become constants on first use. */
    private CodeBlock codec(JsonType json) {
      return switch (json) {
        case JsonType.Primitive p -> throw new IllegalArgumentException("primitive " + p);
        case JsonType.Library l -> CodeBlock.of("$T.$N", l.holder(), l.constant());
        case JsonType.EnumRef e -> CodeBlock.of("$N", named(e.javaType()));
        case JsonType.ObjectRef o -> CodeBlock.of("$N", named(o.javaType()));
        case JsonType.SealedRef s -> CodeBlock.of("$N", named(s.javaType()));
        case JsonType.OpenEvent e -> openEvent(e.javaType());
        case JsonType.UserCodec u -> userCodec(u);
        case JsonType.ListOf l -> container(json, "LIST_OF_", "listOf", l.element(), null);
        case JsonType.SetOf s -> container(json, "SET_OF_", "setOf", s.element(), null);
        case JsonType.MapOf m -> container(json, "MAP_OF_", "mapOf", m.value(), null);
        case JsonType.OptionalOf o -> container(json, "OPTIONAL_OF_", "optionalOf", o.value(), null);
        case JsonType.ArrayOf a -> container(json, "ARRAY_OF_", "arrayOf", a.element(), a.javaType());
      };
    }

    private CodeBlock openEvent(ClassName event) {
      String key = "events:" + event.canonicalName();
      if (!names.has(key)) {
        String name = names.name(key, "EVENTS_" + CodecNames.constant(event));
        openEvents.add(FieldSpec.builder(codecOf(event), name, Modifier.STATIC, Modifier.FINAL)
            .initializer("REGISTRY.events($T.class)", event).build());
      }
      return CodeBlock.of("$N", names.name(key, ""));
    }

    /** One instance of a user codec for the whole workflow, as for the generated ones. */
    private CodeBlock userCodec(JsonType.UserCodec user) {
      String key = "codec:" + user.codec().canonicalName();
      if (!names.has(key)) {
        String name = names.name(key, CodecNames.constant(user.codec()));
        userCodecs.add(FieldSpec.builder(codecOf(user.javaType()), name, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", user.codec()).build());
      }
      return CodeBlock.of("$N", names.name(key, ""));
    }

    private CodeBlock container(JsonType json, String prefix, String factory, JsonType inner, TypeName array) {
      String key = json.javaType().toString();
      if (!names.has(key)) {
        CodeBlock innerCodec = codec(inner);
        String name = names.name(key, prefix + innerName(innerCodec));
        CodeBlock init = array == null
            ? CodeBlock.of("$T.$N($L)", JSON_CONTAINERS, factory, innerCodec)
            : CodeBlock.of("$T.$N($L, $T::new)", JSON_CONTAINERS, factory, innerCodec, array);
        containers.add(FieldSpec.builder(codecOf(json.javaType()), name, Modifier.STATIC, Modifier.FINAL)
            .initializer(init).build());
      }
      return CodeBlock.of("$N", names.name(key, ""));
    }

    private String named(ClassName type) {
      return names.name(type.canonicalName(), CodecNames.constant(type));
    }
  }

  private static String innerName(CodeBlock codec) {
    String text = codec.toString();
    return text.substring(text.lastIndexOf('.') + 1);
  }

  private static TypeName codecOf(TypeName type) {
    return ParameterizedTypeName.get(JSON_CODEC, type);
  }
}
