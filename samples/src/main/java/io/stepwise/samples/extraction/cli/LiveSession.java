package io.stepwise.samples.extraction.cli;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.WorkflowFailedException;
import io.stepwise.WorkflowHandler;
import io.stepwise.samples.extraction.ExtractionEvents.ExtractedData;
import io.stepwise.samples.extraction.ExtractionEvents.InputEvent;
import io.stepwise.samples.extraction.ExtractionEvents.Progress;
import io.stepwise.samples.extraction.ExtractionEvents.ProposedSchema;
import io.stepwise.samples.extraction.ExtractionEvents.SchemaReview;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.Optional;

/**
 * Runs one extraction live, the notebook's first way: read the stream as it happens, print the
 * progress, show each proposed schema and send the reviewer's answer into the running workflow,
 * then print the data as JSON (and CSV when the schema is flat).
 */
public final class LiveSession {
  private LiveSession() {}

  /**
   * Runs the extraction to its end.
   *
   * @param label how the result is introduced, e.g. "Extracted data (scripted model, offline)"
   * @return the process exit status: 0 done, 1 failed or no answer
   */
  public static int run(CompiledWorkflow<InputEvent, ExtractedData> flow, InputEvent input, Reviewer reviewer,
      String label, PrintStream out, PrintStream err) {
    WorkflowHandler<ExtractedData> run = flow.run(input);
    Iterator<Event> stream = run.events().iterator();
    while (stream.hasNext()) {
      Event event = stream.next();
      if (event instanceof Progress progress) {
        printProgress(progress, out);
      } else if (event instanceof ProposedSchema proposal) {
        printProposal(proposal, out);
        Optional<SchemaReview> review = reviewer.review(proposal, out);
        if (review.isEmpty()) {
          run.cancel();
          err.println("Standard input ended before the schema was approved. Answer at the prompt (y approves, any other "
              + "text is feedback), or pass --approve to approve the first proposal unattended.");
          return 1;
        }
        out.println();
        run.sendEvent(review.get());
      }
    }
    ExtractedData data;
    try {
      data = run.result();
    } catch (WorkflowFailedException e) {
      err.println("The extraction failed: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
      return 1;
    }
    printData(data, label, out);
    return 0;
  }

  static void printProgress(Progress progress, PrintStream out) {
    out.println("  > " + progress.message().replace("\n", "\n    "));
  }

  static void printProposal(ProposedSchema proposal, PrintStream out) {
    out.println();
    out.println("Proposed schema (round " + proposal.round() + "):");
    out.println(proposal.schema());
  }

  /** The data as JSON, and as CSV when the schema is flat, introduced by {@code label}. */
  static void printData(ExtractedData data, String label, PrintStream out) {
    out.println();
    out.println(label + ":");
    out.println(data.json());
    if (data.csv() != null) {
      out.println();
      out.println("As CSV (the schema is flat):");
      out.print(data.csv());
    }
  }
}
