package io.stepwise.samples.extraction;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test model that answers with queued replies in order, and keeps every conversation it was sent. */
final class QueuedChatModel implements ChatModel {
  private final Queue<String> replies;
  private final List<List<ChatMessage>> conversations = new CopyOnWriteArrayList<>();

  QueuedChatModel(String... replies) {
    this.replies = new ArrayDeque<>(List.of(replies));
  }

  @Override
  public synchronized ChatResponse doChat(ChatRequest request) {
    conversations.add(List.copyOf(request.messages()));
    String reply = replies.poll();
    if (reply == null) {
      throw new IllegalStateException("QueuedChatModel: no reply left for request " + conversations.size());
    }
    return ChatResponse.builder().aiMessage(AiMessage.from(reply)).build();
  }

  /** The messages of every request, in order. */
  List<List<ChatMessage>> conversations() {
    return List.copyOf(conversations);
  }
}
