package io.stepwise.samples.extraction;

import dev.langchain4j.model.chat.ChatModel;
import io.stepwise.Context;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import io.stepwise.samples.extraction.ExtractionEvents.ExtractedData;
import io.stepwise.samples.extraction.ExtractionEvents.InputEvent;
import io.stepwise.samples.extraction.ExtractionEvents.ParsedContent;
import io.stepwise.samples.extraction.ExtractionEvents.Progress;
import io.stepwise.samples.extraction.ExtractionEvents.ProposedSchema;
import io.stepwise.samples.extraction.ExtractionEvents.ReviewOutcome;
import io.stepwise.samples.extraction.ExtractionEvents.RunExtraction;
import io.stepwise.samples.extraction.ExtractionEvents.SchemaReview;
import io.stepwise.samples.extraction.ExtractionPrompts.PastAttempt;
import io.stepwise.samples.extraction.parse.DocumentParser;
import io.stepwise.samples.extraction.parse.ParsedDocument;
import io.stepwise.samples.extraction.schema.CsvTable;
import io.stepwise.samples.extraction.schema.DataCheck;
import io.stepwise.samples.extraction.schema.InvalidSchemaException;
import io.stepwise.samples.extraction.schema.SchemaReply;
import io.stepwise.samples.extraction.schema.SchemaRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The iterative extraction, ported from the notebook "Iterative Extraction with Workflows": parse
 * a document, have the model propose a JSON Schema, let a person approve it or give feedback
 * (looping until approved), then extract data that conforms to the approved schema.
 *
 * <pre>
 * InputEvent -> parse -> ParsedContent -> proposeSchema -> ProposedSchema (input required)
 * SchemaReview -> review -> ParsedContent (feedback: propose again) | RunExtraction (approved)
 * RunExtraction -> extract -> ExtractedData
 * </pre>
 *
 * <p>The model and the parser come through the constructor.
 */
// No run timeout, as in the notebook (timeout=None): a run waits for its reviewer as long as it takes.
@Workflow(name = "extraction", timeout = "0s")
public class ExtractionFlow {
  /** Schema replies checked before the run fails, as in the notebook. */
  public static final int SCHEMA_ATTEMPTS = 3;

  /** Extraction replies checked before the run fails. */
  public static final int EXTRACTION_ATTEMPTS = 3;

  private final ChatModel model;
  private final Function<Path, ParsedDocument> parser;

  /** An extraction that reads documents with {@link DocumentParser}. */
  public ExtractionFlow(ChatModel model) {
    this(model, DocumentParser::parse);
  }

  /** An extraction that reads documents with {@code parser}. */
  public ExtractionFlow(ChatModel model, Function<Path, ParsedDocument> parser) {
    this.model = Objects.requireNonNull(model, "model");
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  @Step
  ParsedContent parse(InputEvent ev, Context<ExtractionState> ctx) {
    ctx.writeEventToStream(new Progress("Parsing file: " + ev.file()));
    ParsedDocument document = parser.apply(Path.of(ev.file()));
    String text = document.text();
    ctx.writeEventToStream(new Progress("File parsed: " + document.pages().size() + " page(s), "
        + text.length() + " characters"));
    ctx.editState(state -> {
      state.file = ev.file();
      state.prompt = ev.prompt();
      state.documentText = text;
    });
    return new ParsedContent(text, ev.prompt());
  }

  @Step
  ProposedSchema proposeSchema(ParsedContent ev, Context<ExtractionState> ctx) {
    ExtractionState state = ctx.state();
    int round = state.proposals + 1;
    ctx.writeEventToStream(new Progress("Proposing a schema (round " + round + ")"));
    // As in the notebook, the next proposal sees the schema under review and the latest feedback on it.
    Optional<PastAttempt> past = state.currentSchema == null || state.feedback.isEmpty()
        ? Optional.empty()
        : Optional.of(new PastAttempt(state.currentSchema, state.feedback.getLast()));
    CheckedChat.Accepted<JsonNode> schema = CheckedChat.ask(model,
        ExtractionPrompts.proposeSchema(ev.fileContent(), ev.prompt(), past),
        SCHEMA_ATTEMPTS, "schema", ExtractionFlow::schemaOf, line -> ctx.writeEventToStream(new Progress(line)));
    String text = DataReply.pretty(schema.value());
    ctx.editState(s -> {
      s.currentSchema = text;
      s.proposals = round;
      s.attempts += schema.attempts();
    });
    ctx.writeEventToStream(new Progress("Schema proposed"));
    return new ProposedSchema(text, round);
  }

  @Step
  ReviewOutcome review(SchemaReview ev, Context<ExtractionState> ctx) {
    ExtractionState state = ctx.state();
    if (state.currentSchema == null) {
      throw new IllegalStateException("A schema review arrived before any schema was proposed; send it after the ProposedSchema event");
    }
    if (ev.approved()) {
      ctx.writeEventToStream(new Progress("Schema approved"));
      return new RunExtraction(state.currentSchema);
    }
    ctx.writeEventToStream(new Progress("Feedback received: " + ev.feedback()));
    ctx.editState(s -> {
      List<String> feedback = new ArrayList<>(s.feedback);
      feedback.add(ev.feedback());
      s.feedback = List.copyOf(feedback);
    });
    return new ParsedContent(state.documentText, state.prompt);
  }

  @Step
  ExtractedData extract(RunExtraction ev, Context<ExtractionState> ctx) {
    ctx.writeEventToStream(new Progress("Running extraction"));
    JsonNode schema = DataReply.parse(ev.schema());
    DataCheck check = new DataCheck(schema);
    CheckedChat.Accepted<JsonNode> data = CheckedChat.ask(model,
        ExtractionPrompts.extract(ctx.state().documentText, ev.schema()),
        EXTRACTION_ATTEMPTS, "data", reply -> conforming(reply, check), line -> ctx.writeEventToStream(new Progress(line)));
    ctx.editState(s -> s.attempts += data.attempts());
    ctx.writeEventToStream(new Progress("Data extracted; it conforms to the schema"));
    String csv = CsvTable.isFlat(schema) ? CsvTable.write(schema, data.value()) : null;
    return new ExtractedData(ev.schema(), DataReply.pretty(data.value()), csv, ctx.state().proposals);
  }

  private static JsonNode schemaOf(String reply) {
    try {
      return SchemaRules.check(SchemaReply.schemaText(reply));
    } catch (InvalidSchemaException e) {
      throw new RejectedReplyException(e.problems());
    }
  }

  private static JsonNode conforming(String reply, DataCheck check) {
    JsonNode data = DataReply.object(reply);
    List<String> problems = check.problems(data);
    if (!problems.isEmpty()) {
      throw new RejectedReplyException(problems);
    }
    return data;
  }
}
