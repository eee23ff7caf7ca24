package io.stepwise.samples.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.WorkflowFailedException;
import io.stepwise.WorkflowHandler;
import io.stepwise.samples.extraction.ExtractionEvents.ExtractedData;
import io.stepwise.samples.extraction.ExtractionEvents.InputEvent;
import io.stepwise.samples.extraction.ExtractionEvents.Progress;
import io.stepwise.samples.extraction.ExtractionEvents.ProposedSchema;
import io.stepwise.samples.extraction.ExtractionEvents.SchemaReview;
import io.stepwise.samples.llm.RecordedOpenAiServer;
import io.stepwise.samples.llm.ScriptedChatModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The extraction workflow end to end: proposals, the review loop, checked extraction, failures. */
@Timeout(60)
class ExtractionFlowTest {
  static final String INVOICE = "src/main/resources/documents/invoice-2026-014.pdf";
  static final String PROMPT = "Extract the invoice.";
  static final String FEEDBACK = "Add the line items, subtotal and tax.";

  static final String FLAT_SCHEMA = "<schema>{\"type\": \"object\", \"properties\": {\"invoice_number\": {\"type\": \"string\"},"
      + " \"total_due\": {\"type\": \"number\"}}, \"required\": [\"invoice_number\", \"total_due\"]}</schema>";

  static final String V2_JSON = """
      {
        "invoice_number" : "INV-2026-014",
        "issue_date" : "2026-03-02",
        "due_date" : "2026-04-01",
        "seller" : "Northwind Design Studio",
        "buyer" : "Acme Rockets Ltd.",
        "currency" : "GBP",
        "line_items" : [ {
          "description" : "Brand identity workshop",
          "quantity" : 1,
          "unit_price" : 1200.0,
          "amount" : 1200.0
        }, {
          "description" : "Logo design, three concepts",
          "quantity" : 1,
          "unit_price" : 2400.0,
          "amount" : 2400.0
        }, {
          "description" : "Website page design",
          "quantity" : 6,
          "unit_price" : 350.0,
          "amount" : 2100.0
        } ],
        "subtotal" : 5700.0,
        "tax" : 1140.0,
        "total_due" : 6840.0
      }""";

  /** Runs to the end, answering the proposals in order; returns the stream. */
  static List<Event> runAnswering(WorkflowHandler<ExtractedData> run, SchemaReview... answers) {
    Queue<SchemaReview> left = new ArrayDeque<>(List.of(answers));
    List<Event> stream = new ArrayList<>();
    Iterator<Event> events = run.events().iterator();
    while (events.hasNext()) {
      Event event = events.next();
      stream.add(event);
      if (event instanceof ProposedSchema) {
        run.sendEvent(left.remove());
      }
    }
    assertTrue(left.isEmpty(), "every answer was used");
    return stream;
  }

  static CompiledWorkflow<InputEvent, ExtractedData> flow(ChatModel model) {
    return ExtractionFlow_Workflow.of(new ExtractionFlow(model));
  }

  @Test
  void feedbackRoundThenApprovalExtractsTheLineItems() {
    ScriptedChatModel model = ExtractionPrompts.script();
    WorkflowHandler<ExtractedData> run = flow(model).run(new InputEvent(INVOICE, PROMPT));

    List<Event> stream = runAnswering(run, SchemaReview.feedback(FEEDBACK), SchemaReview.approve());

    ExtractedData data = run.result();
    assertEquals(V2_JSON, data.json());
    assertEquals(2, data.rounds());
    assertNull(data.csv(), "line items are nested, so there is no CSV");
    assertEquals(List.of(
        "Parsing file: " + INVOICE,
        "File parsed: 2 page(s), 666 characters",
        "Proposing a schema (round 1)",
        "Checking the schema in the model's reply (attempt 1 of 3)",
        "Schema proposed",
        "Feedback received: " + FEEDBACK,
        "Proposing a schema (round 2)",
        "Checking the schema in the model's reply (attempt 1 of 3)",
        "Schema proposed",
        "Schema approved",
        "Running extraction",
        "Checking the data in the model's reply (attempt 1 of 3)",
        "Data extracted; it conforms to the schema"), progress(stream));
    List<ProposedSchema> proposals = stream.stream().filter(ProposedSchema.class::isInstance).map(ProposedSchema.class::cast).toList();
    assertEquals(List.of(1, 2), proposals.stream().map(ProposedSchema::round).toList());
    assertFalse(proposals.get(0).schema().contains("line_items"));
    assertEquals(data.schema(), proposals.get(1).schema());
    // The second proposal saw the first schema and the feedback on it.
    assertEquals(3, model.prompts().size());
    assertTrue(model.prompts().get(1).contains("<past_attempt>\n<feedback>" + FEEDBACK + "</feedback>\n<schema>"
        + proposals.get(0).schema() + "</schema>\n</past_attempt>"), model.prompts().get(1));
  }

  @Test
  void approvedFlatSchemaGivesCsvToo() {
    WorkflowHandler<ExtractedData> run = flow(ExtractionPrompts.script()).run(new InputEvent(INVOICE, PROMPT));
    runAnswering(run, SchemaReview.approve());

    ExtractedData data = run.result();
    assertEquals("invoice_number,issue_date,due_date,seller,buyer,currency,total_due\r\n"
        + "INV-2026-014,2026-03-02,2026-04-01,Northwind Design Studio,Acme Rockets Ltd.,GBP,6840.0\r\n", data.csv());
    assertEquals(1, data.rounds());
  }

  @Test
  void realClientRunsTheReviewLoopAgainstRecordedServer() {
    try (RecordedOpenAiServer server = RecordedOpenAiServer.serving("extraction-schema-v1", "extraction-schema-v2", "extraction-data-v2")) {
      WorkflowHandler<ExtractedData> run = flow(server.client("gpt-4o-mini")).run(new InputEvent(INVOICE, PROMPT));
      runAnswering(run, SchemaReview.feedback(FEEDBACK), SchemaReview.approve());

      assertEquals(V2_JSON, run.result().json());
      assertEquals(3, server.received().size());
      assertTrue(server.received().get(0).lastUserContent().startsWith("<file>\n# Invoice INV-2026-014\n"), server.received().get(0).lastUserContent());
      assertTrue(server.received().get(1).lastUserContent().contains("<feedback>" + FEEDBACK + "</feedback>"));
      assertTrue(server.received().get(2).lastUserContent().contains("\"line_items\""));
      assertEquals(0, server.unserved());
    }
  }

  @Test
  void schemaFailingThreeTimesFailsTheRunWithTheLastError() {
    QueuedChatModel model = new QueuedChatModel(
        "I think the schema should have a title.",
        "<schema>{\"type\": \"object\", \"properties\": </schema>",
        "<schema>{\"type\": \"array\", \"items\": {\"type\": \"string\"}}</schema>");
    WorkflowHandler<ExtractedData> run = flow(model).run(new InputEvent(INVOICE, PROMPT));

    List<Event> stream = run.events().toList();

    WorkflowFailedException failed = assertThrows(WorkflowFailedException.class, run::result);
    ExtractionFailedException cause = assertInstanceOf(ExtractionFailedException.class, failed.getCause());
    assertEquals("""
        The model gave no valid schema in 3 attempts. The last reply failed with:
          - The schema's root must have "type": "object", but it has "type": "array".
          - The schema's root must list the fields to extract under "properties", but it has none.
        Try a clearer prompt, or a stronger model (OPENAI_MODEL).""", cause.getMessage());
    // Each retry shows the model its own reply and what was wrong with it.
    List<List<ChatMessage>> conversations = model.conversations();
    assertEquals(List.of(1, 3, 5), conversations.stream().map(List::size).toList());
    assertEquals("I think the schema should have a title.", ((AiMessage) conversations.get(1).get(1)).text());
    assertEquals("Error: The reply has no <schema>...</schema> block: wrap the JSON Schema in <schema> and </schema> tags."
        + "\n\nPlease try again.", ((UserMessage) conversations.get(1).get(2)).singleText());
    assertTrue(((UserMessage) conversations.get(2).get(4)).singleText().startsWith("Error: The schema is not valid JSON: "),
        ((UserMessage) conversations.get(2).get(4)).singleText());
    assertEquals(List.of(
        "Parsing file: " + INVOICE,
        "File parsed: 2 page(s), 666 characters",
        "Proposing a schema (round 1)",
        "Checking the schema in the model's reply (attempt 1 of 3)",
        "The schema failed the checks:\n  - The reply has no <schema>...</schema> block: wrap the JSON Schema in <schema> and </schema> tags.\nTrying again...",
        "Checking the schema in the model's reply (attempt 2 of 3)"), progress(stream).subList(0, 6));
    assertEquals("Checking the schema in the model's reply (attempt 3 of 3)", progress(stream).getLast());
    assertFalse(stream.stream().anyMatch(ProposedSchema.class::isInstance));
  }

  @Test
  void dataFailingTheSchemaIsRetriedWithItsProblems() {
    QueuedChatModel model = new QueuedChatModel(FLAT_SCHEMA,
        "{\"invoice_number\": \"INV-2026-014\", \"total_due\": \"6840\"}",
        "```json\n{\"invoice_number\": \"INV-2026-014\", \"total_due\": 6840}\n```");
    WorkflowHandler<ExtractedData> run = flow(model).run(new InputEvent(INVOICE, PROMPT));
    runAnswering(run, SchemaReview.approve());

    ExtractedData data = run.result();
    assertEquals("{\n  \"invoice_number\" : \"INV-2026-014\",\n  \"total_due\" : 6840\n}", data.json());
    assertEquals("invoice_number,total_due\r\nINV-2026-014,6840\r\n", data.csv());
    assertEquals("Error: /total_due: string found, number expected\n\nPlease try again.",
        ((UserMessage) model.conversations().get(2).get(2)).singleText());
  }

  @Test
  void dataFailingEveryAttemptFailsTheRunWithTheLastError() {
    QueuedChatModel model = new QueuedChatModel(FLAT_SCHEMA, "not json", "[1, 2]", "{\"invoice_number\": 14}");
    WorkflowHandler<ExtractedData> run = flow(model).run(new InputEvent(INVOICE, PROMPT));
    runAnswering(run, SchemaReview.approve());

    WorkflowFailedException failed = assertThrows(WorkflowFailedException.class, run::result);
    assertEquals("""
        The model gave no valid data in 3 attempts. The last reply failed with:
          - /invoice_number: integer found, string expected
          - (root): required property 'total_due' not found
        Try a clearer prompt, or a stronger model (OPENAI_MODEL).""", failed.getCause().getMessage());
    assertEquals(4, model.conversations().size());
  }

  @Test
  void unreadableDocumentFailsTheRunWithTheParsersMessage() {
    WorkflowHandler<ExtractedData> run = flow(ExtractionPrompts.script()).run(new InputEvent("no/such/file.pdf", PROMPT));

    WorkflowFailedException failed = assertThrows(WorkflowFailedException.class, run::result);
    assertTrue(failed.getCause().getMessage().startsWith("No file at "), failed.getCause().getMessage());
  }

  @Test
  void reviewWithoutFeedbackIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SchemaReview.feedback(" "));
    assertEquals("A review that does not approve needs feedback saying what to change", e.getMessage());
  }

  static List<String> progress(List<Event> stream) {
    return stream.stream().filter(Progress.class::isInstance).map(e -> ((Progress) e).message()).toList();
  }
}
