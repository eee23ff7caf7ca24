package io.stepwise.dbos;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.config.DBOSConfig;
import dev.dbos.transact.workflow.Queue;
import io.stepwise.CompiledWorkflow;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A worker that runs Stepwise workflows durably on DBOS Transact: each run is a DBOS workflow,
 * queued per Stepwise workflow, taken by any worker with a free slot, checkpointed to the shared
 * PostgreSQL after every step, and finished by another worker when the one that held it dies.
 * Start as many workers as you like against one database; see docs/distributed.md.
 *
 * <pre>{@code
 * StepwiseDbos worker = StepwiseDbos.builder()
 *     .postgres("jdbc:postgresql://db:5432/app", "app", password)
 *     .register(JokeFlow_Workflow.of(new JokeFlow(llm)), 8)   // at most 8 runs at once on this worker
 *     .launch();
 * DurableWorkflow<TopicEvent, JokeResult> jokes = worker.workflow(JokeFlow_Workflow.of(new JokeFlow(llm)));
 * String runId = jokes.start(new TopicEvent("pirates"));
 * JokeResult result = jokes.result(runId, Duration.ofMinutes(1));   // from any worker
 * }</pre>
 */
public final class StepwiseDbos implements AutoCloseable {
  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final DBOS dbos;
  private final RunWorkflow runs; // the DBOS proxy: calls through it are journaled workflow executions
  private final Connections db;
  private final RunTables tables;
  private final WorkerLeases leases;
  private final Map<String, Queue> queues;
  private final Map<String, RunDriving<?, ?>> drivers;
  private final String executorId;

  private StepwiseDbos(DBOS dbos, RunWorkflow runs, Connections db, RunTables tables, WorkerLeases leases,
      Map<String, Queue> queues, Map<String, RunDriving<?, ?>> drivers, String executorId) {
    this.dbos = dbos;
    this.drivers = drivers;
    this.runs = runs;
    this.db = db;
    this.tables = tables;
    this.leases = leases;
    this.queues = queues;
    this.executorId = executorId;
  }

  /** A builder; {@link Builder#postgres} and at least one {@link Builder#register} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The handle of a workflow registered on this worker, to start, answer, cancel and await its
   * runs. Runs started here may be held by any worker.
   *
   * @throws IllegalArgumentException if no workflow of that name was registered
   */
  public <S extends StartEvent, R extends StopEvent> DurableWorkflow<S, R> workflow(CompiledWorkflow<S, R> workflow) {
    Queue queue = queues.get(workflow.name());
    if (queue == null) {
      throw new IllegalArgumentException("Workflow '" + workflow.name() + "' was not registered on this worker;"
          + " registered: " + queues.keySet().stream().sorted().toList() + ". Add .register(...) to the builder");
    }
    return new DurableWorkflow<>(workflow, dbos, runs, tables, queue);
  }

  /**
   * This launch's DBOS executor id, {@code name/random} (the name given to
   * {@link Builder#executorId}, or a random one); its lease and the runs it holds are kept under it.
   */
  public String executorId() {
    return executorId;
  }

  /** Stops taking runs and closes the database connections. Runs held here are finished by other workers. */
  @Override
  public void close() {
    for (RunDriving<?, ?> driving : drivers.values()) {
      driving.close(); // stop the runs driven here before the lease goes
    }
    leases.close();
    dbos.shutdown();
    db.close();
  }

  /** Configuration of a worker. */
  public static final class Builder {
    private String url;
    private String user;
    private String password;
    private String schema = "dbos";
    private String appName = "stepwise";
    private String appVersion;
    private String executorId;
    private boolean holdRuns = true;
    private Duration heartbeat = Duration.ofSeconds(5);
    private Duration leaseTimeout = Duration.ofSeconds(30);
    private Duration queuePolling = Duration.ofMillis(250);
    private int connections = 8;
    private Duration idleRelease = Duration.ofSeconds(60);
    private final Map<String, Registration> registrations = new LinkedHashMap<>();

    private record Registration(CompiledWorkflow<?, ?> workflow, int runsPerWorker) {}

    private Builder() {}

    /** The PostgreSQL database every worker shares (a JDBC URL); user and password may be null when the URL has them. */
    public Builder postgres(String url, String user, String password) {
      if (url == null || !url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("postgres(url, ...) needs a JDBC URL of PostgreSQL, such as"
            + " jdbc:postgresql://localhost:5432/app, was " + url);
      }
      this.url = url;
      // DBOS needs the user apart from the URL; take it (and the password) from the URL's query if given there.
      this.user = user != null ? user : queryParameter(url, "user");
      this.password = password != null ? password : queryParameter(url, "password");
      if (this.user == null) {
        throw new IllegalArgumentException("postgres(url, user, password) needs a user, as an argument or as"
            + " ?user=... in the URL: " + url);
      }
      return this;
    }

    private static String queryParameter(String url, String name) {
      int query = url.indexOf('?');
      if (query < 0) {
        return null;
      }
      for (String pair : url.substring(query + 1).split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && pair.substring(0, equals).equals(name)) {
          return java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
      return null;
    }

    /** The schema of DBOS's tables and Stepwise's; default {@code dbos}. Workers that share runs share it. */
    public Builder schema(String schema) {
      if (schema == null || !SCHEMA.matcher(schema).matches()) {
        throw new IllegalArgumentException("schema must be a lower-case SQL name ([a-z_][a-z0-9_]*, at most 63"
            + " characters), was " + schema);
      }
      this.schema = schema;
      return this;
    }

    /**
     * This worker's name; default a random one. Each launch runs under the DBOS executor id
     * {@code name/random}. A worker started again under the name of a dead one has its runs
     * requeued at once (one process per name at a time); under a new name, its runs are requeued
     * once the dead one's lease lapsed.
     */
    public Builder executorId(String name) {
      Objects.requireNonNull(name, "executorId");
      if (name.isBlank() || name.contains("/")) {
        throw new IllegalArgumentException("executorId must be a non-blank name without '/', was '" + name + "'");
      }
      this.executorId = name;
      return this;
    }

    /** DBOS's application version; workers take only runs of their own version. Default: computed by DBOS from the code. */
    public Builder appVersion(String appVersion) {
      this.appVersion = Objects.requireNonNull(appVersion, "appVersion");
      return this;
    }

    /**
     * How often this worker renews its lease (default 5 s), and how long a lease lasts unrenewed
     * before another worker takes over the runs held under it (default 30 s).
     */
    public Builder leases(Duration heartbeat, Duration timeout) {
      if (heartbeat.isNegative() || heartbeat.isZero() || timeout.compareTo(heartbeat.multipliedBy(2)) < 0) {
        throw new IllegalArgumentException("leases(heartbeat, timeout) needs a positive heartbeat and a timeout of"
            + " at least two heartbeats, was " + heartbeat + " and " + timeout);
      }
      this.heartbeat = heartbeat;
      this.leaseTimeout = timeout;
      return this;
    }

    /**
     * Whether this process takes runs from the queues (default true). A process that only starts,
     * answers and awaits runs (a web front end, say) sets false: it still renews a lease, so it
     * takes over the runs of dead workers, but puts them back on the queues for the workers.
     */
    public Builder holdRuns(boolean holdRuns) {
      this.holdRuns = holdRuns;
      return this;
    }

    /**
     * How often this worker looks in each workflow's queue for runs to take (default 250 ms; DBOS's
     * own default is 1 s). The time a queued run waits for a free worker is up to this long.
     */
    public Builder queuePolling(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("queuePolling must be positive, was " + interval);
      }
      this.queuePolling = interval;
      return this;
    }

    /**
     * The most connections this worker opens to PostgreSQL for Stepwise's own tables (default 8):
     * checkpoint saves, the holders' polls, the inbox, the stream, outcomes. Callers wait for a
     * free one, so a worker holding many runs at once may want more; many workers on one database
     * may want fewer. Besides these, a worker opens one connection for its lease and DBOS opens its
     * own pool (see docs/distributed.md, "Connections"). They show in {@code pg_stat_activity} with
     * the application name {@code stepwise:<executorId>}.
     */
    public Builder connections(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("connections(size) needs at least 1 connection, was " + size
            + "; a worker needs one to save its runs' checkpoints");
      }
      this.connections = size;
      return this;
    }

    /**
     * How long a held run rests, waiting only for an event from outside (a person's answer), before
     * this worker lets it go (default 60 s, as Python's {@code idle_timeout}; {@link Duration#ZERO}:
     * never). A run let go is <em>parked</em>: it frees its slot of {@code runsPerWorker} and its
     * memory, its last checkpoint keeps it, and the next {@link DurableWorkflow#send} or
     * {@link DurableWorkflow#cancel} queues it again for any worker, which resumes it from that
     * checkpoint. Only a run that can do nothing but wait is let go: not one with a run timeout, a
     * timed wait, or a step at work. See docs/distributed.md, "Idle release".
     */
    public Builder idleRelease(Duration idle) {
      if (idle == null || idle.isNegative()) {
        throw new IllegalArgumentException("idleRelease needs a duration of zero (never release) or more, was " + idle);
      }
      this.idleRelease = idle;
      return this;
    }

    /** Registers a workflow whose runs this worker may hold, at most 100 at once. */
    public Builder register(CompiledWorkflow<?, ?> workflow) {
      return register(workflow, 100);
    }

    /**
     * Registers a workflow whose runs this worker may hold, at most {@code runsPerWorker} at once;
     * the others wait in the workflow's DBOS queue for a worker with a free slot.
     */
    public Builder register(CompiledWorkflow<?, ?> workflow, int runsPerWorker) {
      Objects.requireNonNull(workflow, "workflow");
      if (runsPerWorker < 1) {
        throw new IllegalArgumentException("runsPerWorker of workflow '" + workflow.name() + "' must be at least 1,"
            + " was " + runsPerWorker);
      }
      if (registrations.putIfAbsent(workflow.name(), new Registration(workflow, runsPerWorker)) != null) {
        throw new IllegalArgumentException("Workflow '" + workflow.name() + "' is registered twice; register each"
            + " workflow once");
      }
      return this;
    }

    /** Creates the tables if needed, starts DBOS (which recovers this executor's own runs) and the lease. */
    public StepwiseDbos launch() {
      if (url == null) {
        throw new IllegalStateException("Name the PostgreSQL database with postgres(url, user, password) before launch()");
      }
      if (registrations.isEmpty()) {
        throw new IllegalStateException("Register at least one workflow with register(...) before launch()");
      }
      // A fresh DBOS executor id per launch: DBOS's own startup recovery of "this executor's"
      // pending workflows runs after its queues began handing out runs, and would requeue the runs
      // this launch had just taken while they ran (docs/distributed.md, "Why runs ran twice").
      String name = executorId != null ? executorId : "stepwise-" + UUID.randomUUID();
      String executor = name + "/" + UUID.randomUUID().toString().substring(0, 8);
      Connections db = new Connections(url, user, password, connections, "stepwise:" + executor);
      RunTables tables = new RunTables(db, schema);
      try {
        tables.create();
      } catch (SQLException e) {
        db.close();
        throw new IllegalStateException("Could not create Stepwise's tables in schema '" + schema + "' of " + url
            + ": " + e.getMessage(), e);
      }
      PostgresRunStore store = new PostgresRunStore(db, tables);
      Map<String, RunDriving<?, ?>> drivers = new LinkedHashMap<>();
      Map<String, Queue> queues = new LinkedHashMap<>();
      DBOSConfig config = DBOSConfig.defaults(appName).withDatabaseUrl(url).withDatabaseSchema(schema)
          .withExecutorId(executor).disableAdminServer();
      if (user != null) {
        config = config.withDbUser(user);
      }
      config = config.withDbPassword(password != null ? password : ""); // "" for trust or .pgpass authentication
      if (appVersion != null) {
        config = config.withAppVersion(appVersion);
      }
      Queue none = new Queue("stepwise:none");
      if (!holdRuns) {
        // DBOS polls only the queues it listens to: here one that nothing is ever put on.
        config = config.withListenQueues(none);
      }
      DBOS dbos = new DBOS(config);
      if (!holdRuns) {
        dbos.registerQueue(none);
      }
      for (Registration registration : registrations.values()) {
        drivers.put(registration.workflow().name(), driving(registration.workflow(), store, tables,
            registration.runsPerWorker(), idleRelease));
        Queue queue = new Queue("stepwise:" + registration.workflow().name())
            .withWorkerConcurrency(registration.runsPerWorker()).withPollingInterval(queuePolling);
        dbos.registerQueue(queue);
        queues.put(registration.workflow().name(), queue);
      }
      RunWorkflow runs = dbos.registerProxy(RunWorkflow.class, new RunWorkflowFunction(drivers));
      WorkerLeases leases = new WorkerLeases(db, new Connections(url, user, password, 1,
          "stepwise-lease:" + executor), tables, name, executor,
          heartbeat, leaseTimeout);
      for (RunDriving<?, ?> driving : drivers.values()) {
        driving.leases(leases);
      }
      leases.alsoEachBeat(new Parking(dbos, runs, tables, queues)::requeueWakes);
      try {
        leases.begin(); // before DBOS hands this worker a run: a run held without a lease is requeued
      } catch (SQLException e) {
        leases.close();
        db.close();
        throw new IllegalStateException("Could not write the lease of worker " + executor + ": " + e.getMessage(), e);
      }
      dbos.launch();
      leases.start();
      return new StepwiseDbos(dbos, runs, db, tables, leases, queues, drivers, executor);
    }

    private static <S extends StartEvent, R extends StopEvent> RunDriving<S, R> driving(
        CompiledWorkflow<S, R> workflow, PostgresRunStore store, RunTables tables, int runsPerWorker,
        Duration idleRelease) {
      return new RunDriving<>(workflow, store, tables, runsPerWorker, idleRelease);
    }
  }
}
