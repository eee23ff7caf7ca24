package io.stepwise.peers.langgraph4j;

import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphInput;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.checkpoint.Checkpoint;
import org.bsc.langgraph4j.checkpoint.MemorySaver;
import org.bsc.langgraph4j.serializer.plain_text.jackson.JacksonCheckpointListSerializer;
import org.openjdk.jmh.annotations.*;

/**
 * S4 with LangGraph4j: one human-in-the-loop cycle per invocation. Invoke until the interrupt
 * before "decide", write the thread's latest checkpoint as JSON with LangGraph4j's own Jackson
 * checkpoint serializer (the one its FileSystemSaver uses), release the thread, put the decoded
 * checkpoint into a second saver behind a second compiled graph (the restoring process), add the
 * human's answer with updateState, resume, and read the result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HitlCycleBenchmark {
  private final ValueJsonSerializer stateSerializer = new ValueJsonSerializer();
  private final JacksonCheckpointListSerializer checkpointSerializer =
      new JacksonCheckpointListSerializer(stateSerializer);
  private MemorySaver runningSaver;
  private CompiledGraph<Value> running;
  private MemorySaver restoringSaver;
  private CompiledGraph<Value> restoring;
  private long runs;

  @Setup
  public void compile() throws GraphStateException {
    runningSaver = new MemorySaver();
    running = Graphs.hitl(runningSaver, stateSerializer);
    restoringSaver = new MemorySaver();
    restoring = Graphs.hitl(restoringSaver, stateSerializer);
  }

  @Benchmark
  public boolean s4Hitl() throws Exception {
    RunnableConfig config = RunnableConfig.builder().threadId("run-" + runs++).build();
    running.invoke(Map.of("value", 7), config); // returns at the interrupt: the run is paused
    Checkpoint paused = runningSaver.get(config).orElseThrow();
    String json = checkpointSerializer.writeDataAsString(new LinkedList<>(List.of(paused)));
    runningSaver.release(config);

    restoringSaver.put(config, checkpointSerializer.readDataFromString(json).getLast());
    RunnableConfig answered = restoring.updateState(config, Map.of("answer", true));
    boolean approved = restoring.invoke(GraphInput.resume(), answered).orElseThrow().approved();
    restoringSaver.release(config);
    if (!approved) {
      throw new IllegalStateException("the restored run did not see the human's answer");
    }
    return approved;
  }
}
