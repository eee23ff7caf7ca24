package io.stepwise.rag.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.Event;
import io.stepwise.WorkflowHandler;
import io.stepwise.rag.RepositoryDocs;
import io.stepwise.rag.chunk.DocumentChunker;
import io.stepwise.rag.ingest.IngestEvents.DocumentIngested;
import io.stepwise.rag.ingest.IngestEvents.Ingest;
import io.stepwise.rag.ingest.IngestEvents.Ingested;
import io.stepwise.rag.store.InMemoryVectorStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestionFlowTest {
  @TempDir Path dir;

  private Ingested ingest(InMemoryVectorStore store, String... paths) {
    return IngestionFlow_Workflow.of(new IngestionFlow(new DocumentChunker(200), RepositoryDocs.MINI_LM, store))
        .run(new Ingest(List.of(paths))).result();
  }

  @Test
  void everyFileOfTheFolderIsStoredOnItsOwnBranch() throws Exception {
    Path notes = Files.createDirectory(dir.resolve("notes"));
    Files.writeString(notes.resolve("a.md"), "# A\n\nFirst.\n\n## B\n\nSecond.\n");
    Files.writeString(notes.resolve("b.txt"), "Plain text.");
    Files.writeString(notes.resolve("c.pdf"), "not read");
    InMemoryVectorStore store = new InMemoryVectorStore();

    WorkflowHandler<Ingested> handler = IngestionFlow_Workflow.of(new IngestionFlow(new DocumentChunker(200), RepositoryDocs.MINI_LM, store))
        .run(new Ingest(List.of(notes.toString())));
    List<Event> stream = handler.events().filter(e -> e instanceof DocumentIngested).toList();
    Ingested ingested = handler.result();

    assertEquals(List.of(new DocumentIngested("notes/a.md", 2), new DocumentIngested("notes/b.txt", 1)), ingested.documents());
    assertEquals(3, ingested.chunks());
    assertEquals(3, store.size());
    assertEquals(2, stream.size());
  }

  @Test
  void ingestingAgainReplacesADocumentsChunks() throws Exception {
    Path notes = Files.createDirectory(dir.resolve("notes"));
    Files.writeString(notes.resolve("a.md"), "# A\n\nFirst.\n\n## B\n\nSecond.\n");
    InMemoryVectorStore store = new InMemoryVectorStore();
    ingest(store, notes.toString());

    Files.writeString(notes.resolve("a.md"), "# A\n\nOnly one section now.\n");
    Ingested again = ingest(store, notes.toString());

    assertEquals(1, again.chunks());
    assertEquals(1, store.size());
  }

  @Test
  void twoFilesWithOneSourceNameAreRefused() throws Exception {
    Path one = Files.createDirectories(dir.resolve("one/docs"));
    Path two = Files.createDirectories(dir.resolve("two/docs"));
    Files.writeString(one.resolve("a.md"), "one");
    Files.writeString(two.resolve("a.md"), "two");

    var e = assertThrows(RuntimeException.class, () -> ingest(new InMemoryVectorStore(), one.toString(), two.toString()));

    assertEquals("Files " + one.resolve("a.md") + " and " + two.resolve("a.md") + " would both be cited as docs/a.md."
        + " Ingest folders with different names, or in separate stores.", e.getCause().getMessage());
  }

  @Test
  void aFolderWithoutDocumentsIsRefused() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Files.writeString(empty.resolve("x.pdf"), "not read");

    var e = assertThrows(RuntimeException.class, () -> ingest(new InMemoryVectorStore(), empty.toString()));

    assertEquals("Folder " + empty + " holds no Markdown (.md, .markdown) or text (.txt) file.", e.getCause().getMessage());
  }

  @Test
  void theRepositoryDocsAreIngestedWhole() throws Exception {
    RepositoryDocs.Index index = RepositoryDocs.index();

    assertEquals(RepositoryDocs.markdownFiles(), index.ingested().documents().size());
    assertEquals(index.store().size(), index.ingested().chunks());
    assertEquals("docs/benchmarks-results.md", index.ingested().documents().getFirst().source());
  }
}
