package io.stepwise.processor.codegen;

import com.palantir.javapoet.ClassName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Constant names in {@code Foo_Codecs}: readable ({@code ORDER}, {@code LIST_OF_ITEM}) and unique. */
final class CodecNames {
  private final Map<String, String> byKey = new HashMap<>();
  private final Set<String> used = new HashSet<>(Set.of("REGISTRY"));

  /** The constant for {@code key}, allocated from {@code wanted} on first use. */
  String name(String key, String wanted) {
    return byKey.computeIfAbsent(key, k -> {
      String name = wanted;
      for (int i = 2; !used.add(name); i++) {
        name = wanted + "_" + i;
      }
      return name;
    });
  }

  boolean has(String key) {
    return byKey.containsKey(key);
  }

  /** {@code Outer.JokeEvent} becomes {@code OUTER_JOKE_EVENT}. */
  static String constant(ClassName type) {
    return String.join("_", type.simpleNames()).replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }
}
