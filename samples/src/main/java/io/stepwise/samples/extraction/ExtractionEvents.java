package io.stepwise.samples.extraction;

import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;

/** The events of {@link ExtractionFlow}, named as in the notebook where it names them. */
public final class ExtractionEvents {
  private ExtractionEvents() {}

  /**
   * Starts a run: the document to read and what to extract from it.
   *
   * @param file the document's path: a PDF, {@code .txt}, {@code .md} or {@code .html} file
   * @param prompt what to extract, in plain words
   */
  public record InputEvent(String file, String prompt) implements StartEvent {
    public InputEvent {
      if (file == null || file.isBlank()) {
        throw new IllegalArgumentException("The extraction needs a document: pass the path of a PDF, .txt, .md or .html file");
      }
      if (prompt == null || prompt.isBlank()) {
        throw new IllegalArgumentException("The extraction needs a prompt saying what to extract, e.g. \"the invoice number and total\"");
      }
    }
  }

  /** Where a review leads: another proposal, or the extraction. */
  public sealed interface ReviewOutcome extends Event permits ParsedContent, RunExtraction {}

  /**
   * The document's text and the prompt; asks for a schema proposal, the first or the next one.
   *
   * @param fileContent the document as Markdown-ish text
   * @param prompt what to extract
   */
  public record ParsedContent(String fileContent, String prompt) implements ReviewOutcome {}

  /**
   * A proposed schema for the person to review; the run waits for a {@link SchemaReview}.
   *
   * @param schema the JSON Schema, pretty-printed
   * @param round which proposal this is, from 1
   */
  public record ProposedSchema(String schema, int round) implements InputRequiredEvent {}

  /**
   * The person's answer to a {@link ProposedSchema} (the notebook's {@code ApprovedSchema}).
   *
   * @param approved whether to extract with the proposed schema
   * @param feedback what to change, when not approved; goes into the next proposal's prompt
   */
  public record SchemaReview(boolean approved, String feedback) implements HumanResponseEvent {
    public SchemaReview {
      if (!approved && (feedback == null || feedback.isBlank())) {
        throw new IllegalArgumentException("A review that does not approve needs feedback saying what to change");
      }
    }

    /** Approves the proposed schema. */
    public static SchemaReview approve() {
      return new SchemaReview(true, "");
    }

    /** Asks for another proposal that takes {@code feedback} into account. */
    public static SchemaReview feedback(String feedback) {
      return new SchemaReview(false, feedback);
    }
  }

  /**
   * Extract data with the approved schema.
   *
   * @param schema the approved JSON Schema
   */
  public record RunExtraction(String schema) implements ReviewOutcome {}

  /**
   * The run's result.
   *
   * @param schema the approved JSON Schema
   * @param json the extracted data, pretty-printed; it conforms to the schema
   * @param csv the data as CSV (a header row and one data row) when the schema is flat, else null
   * @param rounds how many schemas were proposed before one was approved
   */
  public record ExtractedData(String schema, String json, String csv, int rounds) implements StopEvent {}

  /**
   * What the run is doing, written to the stream as it happens.
   *
   * @param message one line, or a few, for a person to read
   */
  public record Progress(String message) implements Event {}
}
