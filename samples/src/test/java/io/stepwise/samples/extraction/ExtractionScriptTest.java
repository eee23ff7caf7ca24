package io.stepwise.samples.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.samples.extraction.ExtractionPrompts.PastAttempt;
import io.stepwise.samples.extraction.parse.DocumentParser;
import io.stepwise.samples.extraction.schema.CsvTable;
import io.stepwise.samples.extraction.schema.DataCheck;
import io.stepwise.samples.extraction.schema.SchemaReply;
import io.stepwise.samples.extraction.schema.SchemaRules;
import io.stepwise.samples.llm.ScriptedChatModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The building blocks fit together on the shipped invoice: parse, propose, feedback, extract, check. */
class ExtractionScriptTest {
  private final String invoice = DocumentParser.parse(Path.of("src/main/resources/documents/invoice-2026-014.pdf")).text();
  private final ScriptedChatModel model = ExtractionPrompts.script();

  @Test
  void firstProposalIsAValidFlatSchemaAndItsDataConforms() {
    String reply = model.chat(ExtractionPrompts.proposeSchema(invoice, "Extract the invoice number, dates, parties and total.", Optional.empty()));
    JsonNode schema = SchemaRules.check(SchemaReply.schemaText(reply));

    JsonNode data = JsonMapper.builder().build().readTree(model.chat(ExtractionPrompts.extract(invoice, schema.toString())));

    assertEquals(List.of(), new DataCheck(schema).problems(data));
    assertEquals("invoice_number,issue_date,due_date,seller,buyer,currency,total_due\r\n"
        + "INV-2026-014,2026-03-02,2026-04-01,Northwind Design Studio,Acme Rockets Ltd.,GBP,6840.0\r\n", CsvTable.write(schema, data));
  }

  @Test
  void feedbackBringsLineItemsAndTheirDataConforms() {
    String first = SchemaReply.schemaText(model.chat(ExtractionPrompts.proposeSchema(invoice, "Extract the invoice.", Optional.empty())));
    String reply = model.chat(ExtractionPrompts.proposeSchema(invoice, "Extract the invoice.", Optional.of(new PastAttempt(first, "Add the line items, subtotal and tax."))));
    JsonNode schema = SchemaRules.check(SchemaReply.schemaText(reply));

    JsonNode data = JsonMapper.builder().build().readTree(model.chat(ExtractionPrompts.extract(invoice, schema.toString())));

    assertEquals(List.of(), new DataCheck(schema).problems(data));
    assertEquals(3, data.get("line_items").size());
    assertEquals(5700.0, data.get("subtotal").asDouble());
  }

  @Test
  void retryPromptCarriesTheProblems() {
    assertEquals("Error: first\nsecond\n\nPlease try again.", ExtractionPrompts.tryAgain(List.of("first", "second")));
  }
}
