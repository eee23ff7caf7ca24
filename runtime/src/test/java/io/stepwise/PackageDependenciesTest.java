package io.stepwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's package structure, read from its sources: the exported SPIs stand on the API alone,
 * never on the control loop, and the control loop's packages (with the codec SPI they use) depend
 * on each other without a cycle, so each can be read from the bottom up.
 */
class PackageDependenciesTest {
  private static final Path SOURCES = Path.of("src/main/java");
  // An import or a qualified name of a runtime type: the package is what precedes the capitalized name.
  private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.stepwise(?:\\.[a-z]\\w*)*)\\.[A-Z]");

  private final Map<String, Set<String>> dependencies = readDependencies();

  @Test
  void theExportedSpisUseNoInternalPackage() {
    var found = new TreeMap<String, Set<String>>();
    for (String exported : List.of("io.stepwise.spi", "io.stepwise.store", "io.stepwise.observe",
        "io.stepwise.retry")) {
      assertTrue(dependencies.containsKey(exported), exported + " was not read");
      Set<String> internal = new TreeSet<>(dependencies.get(exported));
      internal.removeIf(name -> !name.startsWith("io.stepwise.internal"));
      if (!internal.isEmpty()) {
        found.put(exported, internal);
      }
    }

    assertEquals(Map.of(), found);
  }

  @Test
  void theControlLoopsPackagesAndTheSpiFormNoCycle() {
    Set<String> layer = new TreeSet<>(dependencies.keySet());
    layer.removeIf(name -> !name.startsWith("io.stepwise.internal") && !name.equals("io.stepwise.spi"));
    assertTrue(layer.size() >= 10, "read only " + layer);

    List<List<String>> cycles = new ArrayList<>();
    for (String start : layer) {
      findCycle(start, start, new ArrayList<>(List.of(start)), layer, cycles);
    }

    assertEquals(List.of(), cycles);
  }

  /** Adds to {@code cycles} each path from {@code at} back to {@code start}, once per smallest start. */
  private void findCycle(String start, String at, List<String> path, Set<String> layer, List<List<String>> cycles) {
    for (String next : dependencies.getOrDefault(at, Set.of())) {
      if (!layer.contains(next) || next.compareTo(start) < 0) {
        continue; // a cycle through a smaller package is found from that one
      }
      if (next.equals(start)) {
        var cycle = new ArrayList<>(path);
        cycle.add(start);
        cycles.add(cycle);
      } else if (!path.contains(next)) {
        path.add(next);
        findCycle(start, next, path, layer, cycles);
        path.remove(path.size() - 1);
      }
    }
  }

  private static Map<String, Set<String>> readDependencies() {
    var found = new TreeMap<String, Set<String>>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String from = SOURCES.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
        Set<String> to = found.computeIfAbsent(from, key -> new TreeSet<>());
        Matcher reference = REFERENCE.matcher(Files.readString(file));
        while (reference.find()) {
          if (!reference.group(1).equals(from)) {
            to.add(reference.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }
}
