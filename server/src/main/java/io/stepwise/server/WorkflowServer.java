package io.stepwise.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.server.HttpReplies.HttpError;
import io.stepwise.spi.WorkflowDefinition;
import io.stepwise.store.RunStore;
import io.stepwise.store.jdbc.JdbcRunStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Serves workflows over LlamaIndex's workflow HTTP protocol (the Python {@code WorkflowServer}'s
 * routes, bodies and status codes), so LlamaIndex's debugger and TypeScript client drive Stepwise
 * workflows unchanged. Runs, their events and their checkpoints are kept in one database (SQLite
 * by default); runs a previous process left running are resumed on {@link #start()}.
 *
 * <pre>{@code
 * try (var server = WorkflowServer.builder().workflow(JokeFlow.class, new JokeFlow(llm)).port(8080).build()) {
 *   server.start();
 *   ...
 * }
 * }</pre>
 */
public final class WorkflowServer implements AutoCloseable {
  /** The default database: one SQLite file in the working directory. */
  public static final String DEFAULT_DATABASE = "jdbc:sqlite:stepwise-server.db";
  /** How long a paused run stays in memory with nothing happening by default, as the Python server's {@code idle_timeout}. */
  public static final Duration DEFAULT_IDLE_RELEASE = Duration.ofSeconds(60);
  /** The default limit on a request body: 1 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private final Builder settings;
  private final HandlerStore store;
  private final RunRegistry registry;
  private final WebServer web;
  private final IdleRelease idleRelease;
  private List<String> resumed = List.of();

  private WorkflowServer(Builder settings) {
    this.settings = settings;
    this.store = HandlerStore.open(settings.database);
    RunStore runs = JdbcRunStore.create(settings.database);
    this.registry = new RunRegistry(Map.copyOf(settings.workflows), store, runs, Clock.systemUTC());
    HttpRouting.Builder routing = HttpRouting.builder();
    routing.addFilter((chain, req, res) -> {
      String origin = req.headers().first(HeaderNames.ORIGIN).orElse(null);
      if (origin != null) { // any origin, as the Python server allows: the token is what protects
        res.header(HeaderNames.create("Access-Control-Allow-Origin"), origin);
        res.header(HeaderNames.create("Access-Control-Allow-Credentials"), "true");
        res.header(HeaderNames.create("Vary"), "Origin");
      }
      if (req.prologue().method() == Method.OPTIONS) {
        res.header(HeaderNames.create("Access-Control-Allow-Methods"), "GET, POST, OPTIONS");
        res.header(HeaderNames.create("Access-Control-Allow-Headers"),
            req.headers().first(HeaderNames.create("Access-Control-Request-Headers")).orElse("*"));
        res.status(Status.OK_200).send();
        return;
      }
      if (settings.bearerToken != null && !DebuggerPage.isAsset(req.path().path()) && !authorized(
          req.headers().first(HeaderNames.AUTHORIZATION).orElse(""))) {
        res.header(HeaderNames.create("WWW-Authenticate"), "Bearer");
        HttpReplies.error(res, 401, "Not authenticated: send the header 'Authorization: Bearer <token>' with the"
            + " server's token");
        return;
      }
      chain.proceed();
    });
    routing.get("/health", (req, res) -> HttpReplies.json(res, 200, Map.of("status", "healthy")));
    new WorkflowRoutes(registry, settings.maxBodyBytes, new HandlerIds(), settings.acceptContextApi).register(routing);
    new HandlerRoutes(registry, settings.cancelWait).register(routing);
    new EventRoutes(registry, settings.maxBodyBytes, settings.heartbeat).register(routing);
    new DebuggerPage(settings.debuggerDist).register(routing);
    routing.any((req, res) -> HttpReplies.error(res, 404, "Not Found"));
    routing.error(HttpError.class, (req, res, e) -> HttpReplies.error(res, e.status, e.getMessage()));
    routing.error(Exception.class, (req, res, e) -> {
      if (!res.isSent()) {
        HttpReplies.error(res, 500, "Internal server error: " + RunRegistry.message(e));
      }
    });
    this.idleRelease = new IdleRelease(registry, settings.idleRelease);
    this.web = WebServer.builder()
        .host(settings.host)
        .port(settings.port)
        .routing(routing)
        .build();
  }

  private boolean authorized(String header) {
    byte[] expected = ("Bearer " + settings.bearerToken).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
  }

  /** How long the runs at rest may take, together, to let go when the server closes. */
  private static final Duration RELEASE_AT_CLOSE = Duration.ofSeconds(2);

  /** Settings for a server; workflows are added one by one. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Resumes the runs a previous process left running, then starts listening.
   *
   * @return this server
   */
  public WorkflowServer start() {
    resumed = registry.resumeInterrupted();
    web.start();
    idleRelease.start();
    return this;
  }

  /** The port it listens on (the one chosen when the builder asked for port 0). */
  public int port() {
    return web.port();
  }

  /** The handler ids of the runs {@link #start()} resumed. */
  public List<String> resumedHandlers() {
    return resumed;
  }

  /**
   * How many runs this process holds in memory now: runs at work, and paused runs not yet released
   * (see {@link Builder#idleRelease}). Runs released from memory are not counted; their handlers
   * stay {@code running}.
   */
  public int runsInMemory() {
    return registry.inMemory().size();
  }

  /** How many times a run was released from memory since this server started. */
  public long releasedRuns() {
    return registry.releasedCount();
  }

  /** How many times a released run was reloaded into memory (by an event, or to be cancelled). */
  public long reloadedRuns() {
    return registry.reloadedCount();
  }

  /** Transactions of the group commit, and the writes (events, handler starts and ends) they held: {@code [batches, writes]} (for tests). */
  long[] eventWrites() {
    return registry.eventWrites();
  }

  /** The finished snapshot the handler's last run ended with, which a run under its id continues from (for tests). */
  Optional<String> finalSnapshot(String handlerId) {
    return registry.find(handlerId).flatMap(record -> store.finalSnapshot(record.runId()));
  }

  /** The names of the served workflows, sorted. */
  public List<String> workflowNames() {
    return registry.workflowNames();
  }

  /**
   * Stops listening, stops recording, and closes the database. Runs in progress are not ended:
   * their handlers stay {@code running} in the database, so the next server on it resumes them
   * from their checkpoints, as after a crash. Runs at rest (only an event from outside can move
   * them on) are released instead, as the idle release does: the next server leaves them in the
   * database until an event or a cancel reloads them.
   */
  @Override
  public void close() {
    idleRelease.close();
    web.stop();
    registry.abandonAll(RELEASE_AT_CLOSE);
    store.close();
  }

  /** How to build a {@link WorkflowServer}; every setting has a default but the workflows. */
  public static final class Builder {
    private final Map<String, HostedWorkflow<?, ?>> workflows = new LinkedHashMap<>();
    private String host = "127.0.0.1";
    private int port = 8080;
    private String database = DEFAULT_DATABASE;
    private String bearerToken;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private boolean acceptContextApi;
    private Duration heartbeat = Duration.ofSeconds(15);
    private Duration cancelWait = Duration.ofSeconds(10);
    private Duration idleRelease = DEFAULT_IDLE_RELEASE;
    private Path debuggerDist;

    private Builder() {}

    /** Serves a workflow under its name, from its generated definition ({@code new Foo_Workflow()}). */
    public <T, S extends StartEvent, R extends StopEvent> Builder workflow(WorkflowDefinition<T, S, R> definition,
        T target) {
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(target, "target");
      if (workflows.containsKey(definition.name())) {
        throw new IllegalArgumentException("Two workflows are named '" + definition.name()
            + "'; give one another name with @Workflow(name = ...)");
      }
      workflows.put(definition.name(), HostedWorkflow.of(definition, target, (int) Math.min(Integer.MAX_VALUE,
          maxBodyBytes)));
      return this;
    }

    /**
     * Serves the workflow of {@code target}'s class, found through the service file the processor
     * writes ({@code META-INF/services/io.stepwise.spi.WorkflowDefinition}), no reflection.
     *
     * @throws IllegalStateException when the processor generated no workflow for the class
     */
    public <T> Builder workflow(Class<T> workflowClass, T target) {
      Objects.requireNonNull(workflowClass, "workflowClass");
      @SuppressWarnings({"rawtypes", "unchecked"})
      ServiceLoader<WorkflowDefinition<?, ?, ?>> definitions =
          (ServiceLoader) ServiceLoader.load(WorkflowDefinition.class, workflowClass.getClassLoader());
      for (WorkflowDefinition<?, ?, ?> definition : definitions) {
        if (definition.workflowType() == workflowClass) {
          @SuppressWarnings("unchecked") // its workflowType() is T's class
          var typed = (WorkflowDefinition<T, StartEvent, StopEvent>) definition;
          return workflow(typed, target);
        }
      }
      throw new IllegalStateException("No generated workflow for " + workflowClass.getName() + ": the Stepwise"
          + " annotation processor did not run on it. Put io.stepwise:stepwise-processor in maven-compiler-plugin's"
          + " annotationProcessorPaths, and check that the class is annotated @Workflow");
    }

    /** The interface to listen on; default {@code 127.0.0.1} (this machine only). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port; default 8080, 0 for any free one ({@link WorkflowServer#port()} tells which). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("A port is 0 to 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The JDBC URL of the database holding handlers, events and run checkpoints; default
     * {@value WorkflowServer#DEFAULT_DATABASE}. PostgreSQL: {@code jdbc:postgresql://host/db?user=...}
     * with its driver on the class path.
     */
    public Builder database(String jdbcUrl) {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      if (!jdbcUrl.startsWith("jdbc:")) {
        throw new IllegalArgumentException("A JDBC URL starts with 'jdbc:', e.g. jdbc:sqlite:server.db");
      }
      this.database = jdbcUrl;
      return this;
    }

    /** Requires {@code Authorization: Bearer <token>} on every route but the debugger page's files. */
    public Builder bearerToken(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("A bearer token must not be blank");
      }
      this.bearerToken = token;
      return this;
    }

    /** Requests with a larger body get 413; default {@value WorkflowServer#DEFAULT_MAX_BODY_BYTES}. */
    public Builder maxBodyBytes(long maxBodyBytes) {
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
      }
      if (!workflows.isEmpty()) {
        throw new IllegalStateException("Set maxBodyBytes before adding workflows: their event decoders use it");
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** How long an SSE stream may stay silent before a {@code : heartbeat} comment; default 15 s. */
    public Builder heartbeat(Duration heartbeat) {
      if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
        throw new IllegalArgumentException("The heartbeat interval must be positive");
      }
      this.heartbeat = heartbeat;
      return this;
    }

    /**
     * How long a run waiting for an event from outside (a person's answer) stays in memory with
     * nothing happening before it is released: checkpointed in the run store (it is already: a
     * question is published only once saved) and dropped from memory. Its handler stays
     * {@code running}; the next event sent to it ({@code POST /events/{id}}) reloads it from the
     * store and delivers the event, and clients streaming it go on across. Default
     * 60 s, as the Python server's {@code idle_timeout}. A run with a
     * run timeout or a timed wait is never released (its timer runs in memory), nor one a
     * {@code POST /run} request waits for.
     */
    public Builder idleRelease(Duration idle) {
      if (idle == null || idle.isNegative() || idle.isZero()) {
        throw new IllegalArgumentException("The idle release time must be positive, e.g. Duration.ofMinutes(5)");
      }
      this.idleRelease = idle;
      return this;
    }

    /**
     * Whether {@code POST /workflows/{name}/run} and {@code run-nowait} take a {@code context}: the
     * snapshot of a finished run of the workflow ({@code Snapshot.toJson()}, as a JSON string or
     * object) whose state and store the new run starts from, as Python's
     * {@code run(ctx=Context.from_dict(...))}. Off by default, as the Python server's
     * {@code accept_context_api}: a snapshot is the whole of a run's state, which a client could
     * forge. Continuing a finished handler by its {@code handler_id} needs no setting.
     */
    public Builder acceptContextApi(boolean accept) {
      this.acceptContextApi = accept;
      return this;
    }

    /**
     * A local copy of {@code @llamaindex/workflow-debugger}'s {@code dist/} directory to serve at
     * {@code /}; without one the page loads it from the CDN, as the Python server does.
     */
    public Builder debuggerDist(Path dist) {
      this.debuggerDist = Objects.requireNonNull(dist, "dist");
      return this;
    }

    public WorkflowServer build() {
      return new WorkflowServer(this);
    }
  }
}
