package io.stepwise.rag.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The labelled questions of {@code docs-questions.tsv} and the files of docs/ they were labelled
 * against.
 *
 * @param corpus source names, e.g. {@code docs/persistence.md}
 */
record LabelledSet(List<LabelledQuestion> questions, Set<String> corpus) {
  static LabelledSet load() throws IOException {
    List<LabelledQuestion> questions = new ArrayList<>();
    Set<String> corpus = new TreeSet<>();
    try (InputStream in = LabelledSet.class.getResourceAsStream("/docs-questions.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.startsWith("#corpus\t")) {
          corpus.addAll(files(line.substring("#corpus\t".length())));
          continue;
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        if (cols.length != 2) {
          throw new IllegalStateException("docs-questions.tsv: expected question<TAB>files, got: " + line);
        }
        questions.add(new LabelledQuestion(cols[0].strip(), files(cols[1])));
      }
    }
    for (LabelledQuestion q : questions) {
      if (!corpus.containsAll(q.relevant())) {
        throw new IllegalStateException("docs-questions.tsv: '" + q.question() + "' names a file outside #corpus: " + q.relevant());
      }
    }
    return new LabelledSet(List.copyOf(questions), Set.copyOf(corpus));
  }

  private static Set<String> files(String commaSeparated) {
    Set<String> files = new TreeSet<>();
    for (String f : commaSeparated.split(",")) {
      files.add("docs/" + f.strip());
    }
    return Set.copyOf(files);
  }
}
