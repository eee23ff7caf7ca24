package io.stepwise.samples.guide.resources;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Provides;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * The guide's resource example (section 2.3): both steps put a message into one chat memory,
 * which a {@code @Provides} method creates once and the steps receive as a parameter. The
 * guide's {@code Annotated[Memory, Resource(get_memory)]} becomes a parameter of type
 * {@link ChatMemory}; {@code Resource(..., cache=False)} becomes {@code @Provides(cached = false)}.
 */
@Workflow(timeout = "10s")
public class MemoryFlow {
  public record Begin() implements StartEvent {}

  public record SecondEvent(String msg) implements Event {}

  public record Stored(String result, List<String> messages) implements StopEvent {}

  /** A user's chat messages, in order; a stand-in for LlamaIndex's {@code Memory}. */
  public static final class ChatMemory {
    private final String user;
    private final List<String> messages = new ArrayList<>();

    ChatMemory(String user) {
      this.user = user;
    }

    synchronized void put(String message) {
      messages.add(user + ": " + message);
    }

    synchronized List<String> messages() {
      return List.copyOf(messages);
    }
  }

  @Provides
  ChatMemory memory() {
    return new ChatMemory("user_id_123");
  }

  @Step
  SecondEvent firstStep(Begin ev, ChatMemory memory) {
    memory.put("First step");
    return new SecondEvent("Input for step 2");
  }

  @Step
  Stored secondStep(SecondEvent ev, ChatMemory memory) {
    memory.put(ev.msg());
    return new Stored("Messages stored", memory.messages());
  }
}
