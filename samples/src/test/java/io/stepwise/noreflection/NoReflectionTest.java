package io.stepwise.noreflection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.CompiledWorkflow;
import io.stepwise.samples.triage.TriageFlow_Workflow;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the promise that makes native images work without configuration: neither the runtime
 * nor generated code uses reflection, {@code Class.forName}, method handles or proxies.
 */
class NoReflectionTest {
  // Lambdas, records and string concatenation compile to invokedynamic, which names these
  // java.lang.invoke types in the constant pool (MethodHandles only as the outer class of
  // Lookup in the InnerClasses attribute). They are the compiler's, not calls the code makes;
  // calls into MethodHandles are still caught by the member check below.
  private static final Set<String> ALLOWED_INVOKE_CLASSES = Set.of(
      "java/lang/invoke/LambdaMetafactory",
      "java/lang/invoke/StringConcatFactory",
      "java/lang/invoke/MethodHandles",
      "java/lang/invoke/MethodHandles$Lookup");

  private static final Set<String> FORBIDDEN_CLASS_MEMBERS = Set.of(
      "java/lang/Class.forName",
      "java/lang/Class.getMethod",
      "java/lang/Class.getMethods",
      "java/lang/Class.getDeclaredMethod",
      "java/lang/Class.getDeclaredMethods",
      "java/lang/Class.getField",
      "java/lang/Class.getFields",
      "java/lang/Class.getDeclaredField",
      "java/lang/Class.getDeclaredFields",
      "java/lang/Class.getConstructor",
      "java/lang/Class.getConstructors",
      "java/lang/Class.getDeclaredConstructor",
      "java/lang/Class.getDeclaredConstructors",
      "java/lang/Class.getRecordComponents",
      "java/lang/Class.newInstance",
      "java/lang/ClassLoader.loadClass");

  @Test
  void runtimeUsesNoReflection() throws Exception {
    List<String> findings = scan(codeSourceOf(CompiledWorkflow.class), name -> true);

    assertEquals(List.of(), findings);
  }

  @Test
  void agentsModuleUsesNoReflection() throws Exception {
    // The agents library, its generated AgentWorkflow_Workflow and _Codecs included: tools are
    // typed objects, not @Tool methods found and invoked by reflection.
    List<String> findings = scan(codeSourceOf(io.stepwise.agents.AgentWorkflow.class), name -> true);

    assertEquals(List.of(), findings);
  }

  @Test
  void generatedWorkflowsUseNoReflection() throws Exception {
    List<String> scanned = new ArrayList<>();
    java.util.function.Predicate<String> generated = name -> {
      // Foo_Workflow and Foo_Codecs, with any nested classes of theirs
      boolean workflow = name.matches(".*_(Workflow|Codecs)(\\$[^/]*)?\\.class");
      if (workflow) {
        scanned.add(name);
      }
      return workflow;
    };
    List<String> findings = scan(codeSourceOf(TriageFlow_Workflow.class), generated);
    findings.addAll(scan(codeSourceOf(NoReflectionTest.class), generated));
    findings.addAll(scan(codeSourceOf(io.stepwise.rag.query.QueryFlow_Workflow.class), generated));

    assertTrue(scanned.stream().anyMatch(name -> name.endsWith("_Codecs.class")) && scanned.size() >= 18,
        "expected the generated definitions and codecs of the sample and test workflows, found " + scanned);
    assertEquals(List.of(), findings);
  }

  @Test
  void scannerFlagsReflectionWhereItIsUsed() throws Exception {
    // The check must be able to fail: the class below does what the runtime must not.
    List<String> findings = scan(codeSourceOf(NoReflectionTest.class), name -> name.endsWith("NoReflectionTest$Offender.class"));

    String offender = "io/stepwise/noreflection/NoReflectionTest$Offender.class";
    assertEquals(
        Set.of(
            offender + " calls java/lang/Class.forName",
            offender + " calls java/lang/Class.getDeclaredMethods",
            offender + " calls java/lang/invoke/MethodHandles.lookup",
            offender + " refers to java/lang/reflect/Proxy",
            offender + " calls java/lang/reflect/Proxy.isProxyClass"),
        Set.copyOf(findings));
  }

  static final class Offender {
    Object load() throws ClassNotFoundException {
      return Class.forName("java.lang.String");
    }

    Object methods() {
      return String.class.getDeclaredMethods();
    }

    Object lookup() {
      return java.lang.invoke.MethodHandles.lookup();
    }

    boolean proxy() {
      return java.lang.reflect.Proxy.isProxyClass(String.class);
    }
  }

  private static Path codeSourceOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static List<String> scan(Path location, java.util.function.Predicate<String> include) throws IOException {
    List<String> findings = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.walk(location)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
          String name = location.relativize(file).toString().replace('\\', '/');
          if (include.test(name)) {
            try (InputStream in = Files.newInputStream(file)) {
              check(name, ClassReferences.read(in), findings);
            }
          }
        }
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
          JarEntry entry = entries.nextElement();
          if (entry.getName().endsWith(".class") && include.test(entry.getName())) {
            try (InputStream in = jar.getInputStream(entry)) {
              check(entry.getName(), ClassReferences.read(in), findings);
            }
          }
        }
      }
    }
    return findings;
  }

  private static void check(String name, ClassReferences refs, List<String> findings) {
    for (String type : refs.classes()) {
      boolean reflective = type.startsWith("java/lang/reflect/")
          || (type.startsWith("java/lang/invoke/") && !ALLOWED_INVOKE_CLASSES.contains(type));
      if (reflective) {
        findings.add(name + " refers to " + type);
      }
    }
    for (String member : refs.members()) {
      if (FORBIDDEN_CLASS_MEMBERS.contains(member)
          || member.startsWith("java/lang/reflect/")
          || member.startsWith("java/lang/invoke/MethodHandles.")
          || member.startsWith("java/lang/invoke/MethodHandle.")) {
        findings.add(name + " calls " + member);
      }
    }
  }
}
