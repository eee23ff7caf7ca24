package io.stepwise.samples.agents;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.stepwise.CompiledWorkflow;
import io.stepwise.WorkflowHandler;
import io.stepwise.agents.AgentHandoff;
import io.stepwise.agents.AgentInput;
import io.stepwise.agents.AgentResult;
import io.stepwise.agents.AgentTool;
import io.stepwise.agents.AgentTools;
import io.stepwise.agents.AgentWorkflow;
import io.stepwise.agents.FunctionAgent;
import io.stepwise.agents.ToolCallResult;
import io.stepwise.samples.llm.ChatModels;
import io.stepwise.samples.llm.ModelSettings;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code run multi-agent}: LlamaIndex's multi-agent guide — a research agent searches and records
 * notes, hands off to a write agent that writes a report, which hands off to a review agent that
 * reviews it. The notes, the report and the review live in the run's shared state.
 */
public final class MultiAgentDemo {
  public static final AgentInput REQUEST = new AgentInput(
      "Write me a short report on the history of the internet: its origins, the web, and the present day.",
      Map.of("research_notes", "", "report_content", "not written yet", "review", "review required"));

  /** What the offline {@code search_web} tool finds: a few sentences, so the sample runs without a network. */
  private static final String SEARCH_RESULT = "ARPANET, funded by the US Department of Defense, sent its first"
      + " message in 1969. TCP/IP became its standard on 1 January 1983. Tim Berners-Lee proposed the World Wide"
      + " Web at CERN in 1989. Today more than five billion people use the internet.";

  private MultiAgentDemo() {}

  /** The three agents on {@code model}, research first. */
  public static CompiledWorkflow<AgentInput, AgentResult> workflow(ChatModel model) {
    FunctionAgent research = FunctionAgent.builder()
        .name("ResearchAgent")
        .description("Searches the web for information on a topic and records notes.")
        .systemPrompt("You are the ResearchAgent. Search the web for information on the user's topic and record"
            + " notes. Once the notes are recorded, hand off to the WriteAgent.")
        .model(model).tools(searchWeb(), recordNotes()).canHandoffTo("WriteAgent").build();
    FunctionAgent write = FunctionAgent.builder()
        .name("WriteAgent")
        .description("Writes a report in markdown from the research notes.")
        .systemPrompt("You are the WriteAgent. Write a markdown report from the research notes with write_report,"
            + " then hand off to the ReviewAgent for feedback.")
        .model(model).tools(writeReport()).canHandoffTo("ReviewAgent", "ResearchAgent").build();
    FunctionAgent review = FunctionAgent.builder()
        .name("ReviewAgent")
        .description("Reviews a report and gives feedback.")
        .systemPrompt("You are the ReviewAgent. Review the report with review_report. If it needs changes, hand off"
            + " to the WriteAgent; if it is good, tell the user it is approved.")
        .model(model).tools(reviewReport()).canHandoffTo("WriteAgent").build();
    return AgentWorkflow.builder().agents(research, write, review).root("ResearchAgent").maxIterations(12)
        .build().compile();
  }

  public static void run(PrintStream out) {
    ModelSettings settings = ModelSettings.from(System.getenv());
    ChatModel model = settings.apiKey().isPresent() ? ChatModels.openAi(settings) : script();
    out.println(settings.apiKey().isPresent() ? "model: " + settings.modelName() + " at " + settings.baseUrl()
        : "model: scripted (offline) — set OPENAI_API_KEY to use a real model");
    out.println("user: " + REQUEST.message());
    WorkflowHandler<AgentResult> run = workflow(model).run(REQUEST);
    run.events().forEach(event -> {
      if (event instanceof AgentHandoff handoff) {
        out.println("  handoff " + handoff.from() + " -> " + handoff.to() + ": " + handoff.reason());
      } else if (!(event instanceof ToolCallResult result && result.toolName().equals("handoff") && !result.error())) {
        CalculatorAgentDemo.print(event, out);
      }
    });
    AgentResult result = run.result();
    out.println("answer from " + result.agent() + " (" + result.modelCalls() + " model calls): " + result.response());
    out.println("--- report_content ---\n" + result.state().get("report_content"));
    out.println("--- review ---\n" + result.state().get("review"));
  }

  private static AgentTool searchWeb() {
    return AgentTools.tool(ToolSpecification.builder().name("search_web")
            .description("Searches the web (offline here: a fixed page of results).")
            .parameters(JsonObjectSchema.builder().addStringProperty("query").required("query").build()).build(),
        in -> SEARCH_RESULT);
  }

  private static AgentTool recordNotes() {
    return stateTool("record_notes", "Records research notes.", "notes", "research_notes", "Notes recorded.");
  }

  private static AgentTool writeReport() {
    return stateTool("write_report", "Writes the report, in markdown.", "report_content", "report_content",
        "Report written.");
  }

  private static AgentTool reviewReport() {
    return stateTool("review_report", "Reviews the report and records the feedback.", "review", "review",
        "Report reviewed.");
  }

  /** A tool that keeps its one argument in the shared state. */
  private static AgentTool stateTool(String name, String description, String argument, String key, String done) {
    return AgentTools.tool(ToolSpecification.builder().name(name).description(description)
            .parameters(JsonObjectSchema.builder().addStringProperty(argument).required(argument).build()).build(),
        in -> {
          in.state().put(key, in.string(argument));
          return done;
        });
  }

  /** The offline script: each agent does its one job from what the tools returned, then hands off. */
  public static ChatModel script() {
    return new ScriptedAgentModel(c -> {
      String agent = c.systemPrompt();
      if (agent.startsWith("You are the ResearchAgent")) {
        if (c.result("search_web").isEmpty()) {
          return ScriptedAgentModel.call("r1", "search_web", "{\"query\":\"history of the internet\"}");
        }
        if (c.result("record_notes").isEmpty()) {
          return ScriptedAgentModel.call("r2", "record_notes",
              "{\"notes\":" + json("- " + c.result("search_web").orElseThrow().replace(". ", ".\n- ")) + "}");
        }
        return ScriptedAgentModel.call("r3", "handoff",
            "{\"to_agent\":\"WriteAgent\",\"reason\":\"the research notes are recorded\"}");
      }
      if (agent.startsWith("You are the WriteAgent")) {
        if (c.result("write_report").isEmpty()) {
          String report = "# The history of the internet\n\nThe internet began as ARPANET in 1969 and adopted"
              + " TCP/IP in 1983. The World Wide Web, proposed at CERN in 1989, made it a place for everyone;"
              + " today more than five billion people use it.";
          return ScriptedAgentModel.call("w1", "write_report", "{\"report_content\":" + json(report) + "}");
        }
        return ScriptedAgentModel.call("w2", "handoff",
            "{\"to_agent\":\"ReviewAgent\",\"reason\":\"the report is written and needs a review\"}");
      }
      if (c.result("review_report").isEmpty()) {
        return ScriptedAgentModel.call("v1", "review_report",
            "{\"review\":\"Approved: accurate dates, covers origins, the web and the present day.\"}");
      }
      return AiMessage.from("The report on the history of the internet is written and approved.");
    });
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
