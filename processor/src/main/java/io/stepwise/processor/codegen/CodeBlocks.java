package io.stepwise.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Small literal forms shared by the generators, so equal values always print the same way. */
final class CodeBlocks {
  private CodeBlocks() {}

  static CodeBlock duration(Duration duration) {
    if (duration.isZero()) {
      return CodeBlock.of("$T.ZERO", Duration.class);
    }
    if (duration.getNano() % 1_000_000 == 0) {
      return CodeBlock.of("$T.ofMillis($L)", Duration.class, duration.toMillis());
    }
    return CodeBlock.of("$T.ofNanos($L)", Duration.class, duration.toNanos());
  }

  /** {@code List.of(A.class, B.class)}. */
  static CodeBlock classList(Collection<ClassName> types) {
    return CodeBlock.of("$T.of($L)", List.class, classLiterals(types));
  }

  /** {@code Set.of(A.class, B.class)}; the caller passes distinct types, Set.of rejects duplicates. */
  static CodeBlock classSet(Collection<ClassName> types) {
    return CodeBlock.of("$T.of($L)", Set.class, classLiterals(types));
  }

  private static CodeBlock classLiterals(Collection<ClassName> types) {
    return types.stream().map(t -> CodeBlock.of("$T.class", t)).collect(CodeBlock.joining(", "));
  }

  /** One element per line, indented under the opening {@code List.of(}. */
  static CodeBlock multilineList(List<CodeBlock> elements) {
    if (elements.isEmpty()) {
      return CodeBlock.of("$T.of()", List.class);
    }
    return CodeBlock.builder()
        .add("$T.of(\n$>$>", List.class)
        .add(CodeBlock.join(elements, ",\n"))
        .add(")$<$<")
        .build();
  }
}
