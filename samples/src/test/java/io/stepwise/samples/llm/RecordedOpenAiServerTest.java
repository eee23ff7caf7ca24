package io.stepwise.samples.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.model.chat.ChatModel;
import io.stepwise.samples.llm.RecordedOpenAiServer.ReceivedRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real LangChain4j OpenAI client talks HTTP to the recorded server, and the server sees it. */
@Timeout(60)
class RecordedOpenAiServerTest {
  @Test
  void realClientSendsChatCompletionAndReadsRecordedReply() {
    try (RecordedOpenAiServer server = RecordedOpenAiServer.serving("joke-pirates")) {
      ChatModel client = server.client("gpt-4o-mini");

      String reply = client.chat("Write your best joke about pirates.");

      assertEquals("Why did the pirate go to school? To improve his arrrticulation!", reply);
      List<ReceivedRequest> received = server.received();
      assertEquals(1, received.size());
      ReceivedRequest request = received.get(0);
      assertEquals("POST", request.method());
      assertEquals("/v1/chat/completions", request.path());
      assertEquals(Optional.of("Bearer " + RecordedOpenAiServer.API_KEY), request.authorization());
      assertEquals("gpt-4o-mini", request.json().get("model").asString());
      assertEquals("Write your best joke about pirates.", request.lastUserContent());
      assertEquals(0, server.unserved());
    }
  }
}
