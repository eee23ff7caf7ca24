package io.stepwise.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.stepwise.processor.model.StateSpec;
import javax.lang.model.element.Modifier;

/**
 * {@code stateType()}, {@code newState()} and, when the fields allow it, {@code copyState()}:
 * the state made and copied by direct calls, never by reflection.
 */
final class StateGenerator {
  private StateGenerator() {}

  static void addTo(TypeSpec.Builder type, StateSpec state) {
    type.addMethod(override("stateType")
        .returns(ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class)))
        .addStatement("return $T.class", state.type())
        .build());
    type.addMethod(override("newState")
        .returns(Object.class)
        .addStatement("return new $T()", state.type())
        .build());
    if (state.copyable()) {
      var copy = override("copyState")
          .returns(Object.class)
          .addParameter(Object.class, "state")
          .addStatement("$T from = ($T) state", state.type(), state.type())
          .addStatement("$T copy = new $T()", state.type(), state.type());
      state.copyFields().forEach(field -> copy.addStatement("copy.$N = from.$N", field, field));
      type.addMethod(copy.addStatement("return copy").build());
    }
  }

  private static MethodSpec.Builder override(String name) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
  }
}
