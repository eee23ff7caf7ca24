package io.stepwise.agents;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The tools and models the agent tests use. */
final class TestTools {
  private TestTools() {}

  static OpenAiChatModel model(RecordedOpenAiServer server) {
    return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key").modelName("test-model")
        .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
  }

  static OpenAiStreamingChatModel streamingModel(RecordedOpenAiServer server) {
    return OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key").modelName("test-model")
        .timeout(Duration.ofSeconds(10)).build();
  }

  static AgentTool add() {
    return AgentTools.tool(ToolSpecification.builder().name("add").description("Adds two numbers")
            .parameters(JsonObjectSchema.builder().addNumberProperty("a").addNumberProperty("b").required("a", "b").build())
            .build(),
        in -> in.number("a").add(in.number("b")).toPlainString());
  }

  static AgentTool failingLookup() {
    return AgentTools.tool(ToolSpecification.builder().name("lookup").description("Looks a word up")
            .parameters(JsonObjectSchema.builder().addStringProperty("word").required("word").build()).build(),
        in -> {
          throw new IllegalStateException("lookup service is down");
        });
  }

  static AgentTool slow() {
    return AgentTools.tool(ToolSpecification.builder().name("slow").description("Takes its time").build(),
        Duration.ofMillis(200), in -> {
          Thread.sleep(10_000);
          return "never";
        });
  }

  /** Asks a person before sending; counts how often its body started (a resumed run re-runs it). */
  static AgentTool sendEmail(AtomicInteger started) {
    return AgentTools.tool(ToolSpecification.builder().name("send_email").description("Sends an email")
            .parameters(JsonObjectSchema.builder().addStringProperty("to").required("to").build()).build(),
        Duration.ZERO, in -> {
          started.incrementAndGet();
          String answer = in.ask("Send the email to " + in.string("to") + "?");
          return answer.equals("yes") ? "sent to " + in.string("to") : "not sent: the person said " + answer;
        });
  }

  static AgentTool recordNotes() {
    return AgentTools.tool(ToolSpecification.builder().name("record_notes").description("Keeps research notes")
            .parameters(JsonObjectSchema.builder().addStringProperty("notes").required("notes").build()).build(),
        in -> {
          in.state().put("notes", in.string("notes"));
          return "notes recorded";
        });
  }
}
