package io.stepwise.samples.resources;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Provides;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Files notes: resources from {@code @Provides} methods. A journal shared by every run of one
 * instance (cached), an archive built on it (a provider that takes a resource), a scratch pad
 * made fresh for each step execution, and two summarizers of one type told apart by name.
 */
@Workflow(name = "notes")
public class NotesFlow {
  public record Note(String text) implements StartEvent {}

  public record Archived(int number, String text) implements Event {}

  public record Filed(int number, String headline, String digest) implements StopEvent {}

  /** Every note of every run, in order. */
  public static final class Journal {
    private final List<String> notes = new ArrayList<>();

    synchronized int append(String text) {
      notes.add(text);
      return notes.size();
    }
  }

  /** Numbers notes by their place in the journal. */
  public record Archive(Journal journal) {
    int keep(String text) {
      return journal.append(text.strip());
    }
  }

  /** A buffer a step writes into; fresh each time, so nothing leaks between executions. */
  public static final class Scratch {
    private final StringBuilder text = new StringBuilder();

    Scratch write(String part) {
      text.append(part);
      return this;
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  /** Shortens a note to at most {@code words} words. */
  public record Summarizer(int words) {
    String summarize(String text) {
      String[] all = text.strip().split("\\s+");
      return String.join(" ", List.of(all).subList(0, Math.min(words, all.length)));
    }
  }

  @Provides
  Journal journal() {
    return new Journal();
  }

  @Provides
  Archive archive(Journal journal) {
    return new Archive(journal);
  }

  @Provides(cached = false)
  Scratch scratch() {
    return new Scratch();
  }

  @Provides(name = "headline")
  Summarizer headline() {
    return new Summarizer(3);
  }

  @Provides(name = "digest")
  Summarizer digest() {
    return new Summarizer(8);
  }

  @Step
  Archived keep(Note note, Archive archive) {
    return new Archived(archive.keep(note.text()), note.text());
  }

  @Step
  Filed file(Archived note, Scratch scratch,
      @Provides.Named("headline") Summarizer headline, @Provides.Named("digest") Summarizer digest) {
    String title = scratch.write("#").write(String.valueOf(note.number())).write(" ")
        .write(headline.summarize(note.text())).toString();
    return new Filed(note.number(), title, digest.summarize(note.text()));
  }
}
