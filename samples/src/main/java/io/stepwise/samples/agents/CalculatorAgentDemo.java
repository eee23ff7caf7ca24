package io.stepwise.samples.agents;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.agents.AgentInput;
import io.stepwise.agents.AgentResult;
import io.stepwise.agents.AgentTool;
import io.stepwise.agents.AgentTools;
import io.stepwise.agents.AgentWorkflow;
import io.stepwise.agents.FunctionAgent;
import io.stepwise.agents.ToolCall;
import io.stepwise.agents.ToolCallResult;
import io.stepwise.WorkflowHandler;
import io.stepwise.samples.llm.ChatModels;
import io.stepwise.samples.llm.ModelSettings;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;

/**
 * {@code run agent}: a function-calling agent with a lookup tool over a small fact table and
 * three arithmetic tools (LlamaIndex's calculator agent, plus a lookup).
 */
public final class CalculatorAgentDemo {
  public static final AgentInput QUESTION = new AgentInput(
      "How much taller is the Eiffel Tower than the Statue of Liberty, and what is twice that difference?");

  private static final Map<String, String> FACTS = Map.of(
      "eiffel tower", "The Eiffel Tower in Paris is 330 metres tall.",
      "statue of liberty", "The Statue of Liberty, pedestal included, is 93 metres tall.",
      "big ben", "The Elizabeth Tower (Big Ben) is 96 metres tall.");

  private CalculatorAgentDemo() {}

  /** The agent workflow on {@code model}. */
  public static CompiledWorkflow<AgentInput, AgentResult> workflow(ChatModel model) {
    return AgentWorkflow.of(FunctionAgent.builder()
        .name("calculator")
        .description("Looks facts up and does arithmetic")
        .systemPrompt("You answer questions with the lookup tool and do every calculation with the arithmetic"
            + " tools, never in your head.")
        .model(model)
        .tools(lookup(), arithmetic("add", BigDecimal::add), arithmetic("subtract", BigDecimal::subtract),
            arithmetic("multiply", BigDecimal::multiply))
        .build()).compile();
  }

  public static void run(PrintStream out) {
    ModelSettings settings = ModelSettings.from(System.getenv());
    ChatModel model = settings.apiKey().isPresent() ? ChatModels.openAi(settings) : script();
    out.println(settings.apiKey().isPresent() ? "model: " + settings.modelName() + " at " + settings.baseUrl()
        : "model: scripted (offline) — set OPENAI_API_KEY to use a real model");
    out.println("user: " + QUESTION.message());
    WorkflowHandler<AgentResult> run = workflow(model).run(QUESTION);
    run.events().forEach(event -> print(event, out));
    AgentResult result = run.result();
    out.println("answer (" + result.modelCalls() + " model calls): " + result.response());
  }

  static void print(Event event, PrintStream out) {
    if (event instanceof ToolCall call) {
      out.println("  [" + call.agent() + "] calls " + call.toolName() + " " + call.arguments());
    } else if (event instanceof ToolCallResult result) {
      out.println("  [" + result.agent() + "] " + (result.error() ? "error " : "got ") + result.output());
    }
  }

  private static AgentTool lookup() {
    return AgentTools.tool(ToolSpecification.builder().name("lookup")
            .description("Looks up a fact about a landmark: eiffel tower, statue of liberty, big ben")
            .parameters(JsonObjectSchema.builder().addStringProperty("topic", "the landmark").required("topic").build())
            .build(),
        in -> {
          String fact = FACTS.get(in.string("topic").toLowerCase(Locale.ROOT).trim());
          if (fact == null) {
            throw new IllegalArgumentException("no fact about '" + in.string("topic") + "'; topics: "
                + FACTS.keySet().stream().sorted().toList());
          }
          return fact;
        });
  }

  private static AgentTool arithmetic(String name, BinaryOperator<BigDecimal> op) {
    return AgentTools.tool(ToolSpecification.builder().name(name).description(name + " two numbers: a " + name + " b")
            .parameters(JsonObjectSchema.builder().addNumberProperty("a").addNumberProperty("b").required("a", "b").build())
            .build(),
        in -> op.apply(in.number("a"), in.number("b")).toPlainString());
  }

  /** The offline script: look both up, subtract, double, answer; each from what the tools returned. */
  public static ChatModel script() {
    return new ScriptedAgentModel(conversation -> {
      if (conversation.result("lookup").isEmpty()) {
        return AiMessage.from(List.of(
            ToolExecutionRequest.builder().id("call_1").name("lookup")
                .arguments("{\"topic\":\"eiffel tower\"}").build(),
            ToolExecutionRequest.builder().id("call_2").name("lookup")
                .arguments("{\"topic\":\"statue of liberty\"}").build()));
      }
      if (conversation.result("subtract").isEmpty()) {
        List<String> heights = conversation.messages().stream()
            .filter(m -> m instanceof ToolExecutionResultMessage)
            .map(m -> metres(((ToolExecutionResultMessage) m).text())).toList();
        return ScriptedAgentModel.call("call_3", "subtract",
            "{\"a\":" + heights.get(0) + ",\"b\":" + heights.get(1) + "}");
      }
      String difference = conversation.result("subtract").orElseThrow();
      if (conversation.result("multiply").isEmpty()) {
        return ScriptedAgentModel.call("call_4", "multiply", "{\"a\":" + difference + ",\"b\":2}");
      }
      return AiMessage.from("The Eiffel Tower is " + difference + " metres taller than the Statue of Liberty;"
          + " twice that is " + conversation.result("multiply").orElseThrow() + " metres.");
    });
  }

  private static String metres(String fact) {
    Matcher m = Pattern.compile("(\\d+) metres").matcher(fact);
    return m.find() ? m.group(1) : "0";
  }
}
