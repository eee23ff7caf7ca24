package io.stepwise.samples.extraction;

import java.util.List;

/**
 * What the extraction remembers across its steps (the notebook's {@code WorkflowState}): the
 * document, the request, the schema under review and what the person said about earlier ones.
 * A mutable class with public fields, so the generated code can create and copy it; the lists
 * are immutable and replaced whole, so a copy never shares a list that changes.
 */
public class ExtractionState {
  /** The document's path, as given. */
  public String file;

  /** The document as Markdown-ish text, all pages. */
  public String documentText;

  /** What the person wants extracted. */
  public String prompt;

  /** The schema being reviewed (or approved), as JSON text; null before the first proposal. */
  public String currentSchema;

  /** The person's feedback on each rejected proposal, oldest first. */
  public List<String> feedback = List.of();

  /** Schema proposals made so far (one per review round). */
  public int proposals;

  /** Model replies checked so far, for schemas and data together; each retry counts. */
  public int attempts;

  public ExtractionState() {}
}
