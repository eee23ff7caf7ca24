package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.ConfigException;
import io.stepwise.WorkflowFailedException;
import io.stepwise.behaviour.ConfigFlows.Card;
import io.stepwise.behaviour.ConfigFlows.Name;
import io.stepwise.behaviour.ConfigFlows.Ticket;
import io.stepwise.behaviour.ConfigFlows.Verdict;
import io.stepwise.graph.MermaidRenderer;
import io.stepwise.graph.ResourceNode;
import io.stepwise.graph.ResourceUse;
import io.stepwise.spi.ConfigFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @Config} resources: read from JSON files with the generated codecs, checked, cached, drawn. */
class ConfigResourceTest {
  private static final String RETRY = "{\"attempts\": 3, \"delayMillis\": 1}";
  private static final String TRIAGE = """
      {
        "thresholds": {
          "escalateAbove": 0.4,
          "urgentWords": ["outage", "down", "refund"],
          "team": "billing"
        },
        "other": {"ignored": true}
      }
      """;

  @TempDir Path dir;

  @BeforeEach
  void readConfigsFromTheTestDirectory() {
    System.setProperty(ConfigFiles.DIRECTORY_PROPERTY, dir.toString());
  }

  @AfterEach
  void forgetTheDirectory() {
    System.clearProperty(ConfigFiles.DIRECTORY_PROPERTY);
  }

  private void write(String file, String json) throws IOException {
    Files.writeString(dir.resolve(file), json);
  }

  private Verdict triage(String text) {
    return ConfigFlows_TriageFlow_Workflow.of(new ConfigFlows.TriageFlow()).run(new Ticket(text)).result();
  }

  private ConfigException failure(String text) {
    var failed = assertThrows(WorkflowFailedException.class,
        () -> ConfigFlows_TriageFlow_Workflow.of(new ConfigFlows.TriageFlow()).run(new Ticket(text)).result());
    return assertInstanceOf(ConfigException.class, failed.getCause());
  }

  @Test
  void stepGetsTheSectionOfTheFileAndItsPolicyIsBuiltFromAnotherFile() throws IOException {
    write("retry.json", RETRY);
    write("triage.json", TRIAGE);

    // Two urgent words of three is above 0.4; the lookup fails twice and the policy from retry.json allows 3 attempts.
    assertEquals(new Verdict("escalate to billing", 3), triage("outage: site down"));
  }

  @Test
  void fileIsReadOncePerCompiledWorkflow() throws IOException {
    write("retry.json", RETRY);
    write("triage.json", TRIAGE);
    var compiled = ConfigFlows_TriageFlow_Workflow.of(new ConfigFlows.TriageFlow());
    compiled.run(new Ticket("outage")).result();

    write("triage.json", TRIAGE.replace("0.4", "0.9"));

    assertEquals("escalate to billing", compiled.run(new Ticket("outage down")).result().route());
    assertEquals("auto-reply", triage("outage down").route()); // a new compiled workflow reads the file again
  }

  @Test
  void missingFileSaysWhereItWasLookedFor() throws IOException {
    write("retry.json", RETRY);

    ConfigException error = failure("outage");

    assertEquals("triage.json", error.file());
    assertEquals("Config file 'triage.json' does not exist: " + dir.resolve("triage.json").toAbsolutePath()
        + ". A relative path is read from the working directory, or from -Dstepwise.config.dir when set. Create"
        + " the file, or fix the path in @Config.", error.getMessage());
  }

  @Test
  void misspelledAndMissingFieldsAreNamedWithTheFieldsThatExist() throws IOException {
    write("retry.json", RETRY);
    write("triage.json", """
        {"thresholds": {"escalateAbov": 0.4, "urgentWords": ["down"], "team": null}}
        """);

    assertEquals("Config file 'triage.json' at $.thresholds for ConfigFlows.Thresholds does not fit:"
        + " $.thresholds.escalateAbov is not a field of ConfigFlows.Thresholds (fields there: escalateAbove, team,"
        + " urgentWords); remove it or correct its name; $.thresholds.escalateAbove is missing; add it (write null"
        + " where the value may be empty).", failure("down").getMessage());
  }

  @Test
  void wrongTypeNamesTheFieldAndTheLine() throws IOException {
    write("retry.json", RETRY);
    write("triage.json", """
        {"thresholds": {
          "escalateAbove": "high", "urgentWords": [], "team": null}}
        """);

    String message = failure("down").getMessage();
    assertTrue(message.startsWith("Config file 'triage.json' at $.thresholds for ConfigFlows.Thresholds does not fit:"
        + " Cannot decode JSON at $.thresholds.escalateAbove (line 2, column "), message);
  }

  @Test
  void valueTheRecordRefusesIsReportedWithItsReason() throws IOException {
    write("retry.json", RETRY);
    write("triage.json", TRIAGE.replace("0.4", "1.5"));

    assertEquals("Config file 'triage.json' at $.thresholds for ConfigFlows.Thresholds was refused by"
        + " ConfigFlows.Thresholds: escalateAbove must be between 0.0 and 1.0, was 1.5. Fix the value in the file.",
        failure("down").getMessage());
  }

  @Test
  void missingSectionAndInvalidJsonAreReported() throws IOException {
    write("retry.json", RETRY);
    write("triage.json", "{\"other\": {}}");
    assertEquals("Config file 'triage.json' at $.thresholds for ConfigFlows.Thresholds is missing: the file has no"
        + " $.thresholds. Add that section to the file, or fix select in @Config.", failure("down").getMessage());

    write("triage.json", "{\"thresholds\": {\"escalateAbove\": 0.4,, }}");
    assertTrue(failure("down").getMessage().startsWith(
        "Config file 'triage.json' at $.thresholds for ConfigFlows.Thresholds is not valid JSON: Unexpected character"),
        failure("down").getMessage());
  }

  @Test
  void classpathConfigIsReadBesideTheWorkflowClass() {
    Card card = ConfigFlows_GreetingFlow_Workflow.of(new ConfigFlows.GreetingFlow()).run(new Name("Ada")).result();

    assertEquals(new Card("Good day, Ada. The Stepwise team"), card);
  }

  @Test
  void configFilesAreResourcesOfTheGraph() {
    var graph = ConfigFlows_TriageFlow_Workflow.of(new ConfigFlows.TriageFlow()).graph();

    assertEquals(List.of(
        new ResourceNode("config_retry_json", "ConfigFlows.RetryConfig", "", true, List.of(), "retry.json"),
        new ResourceNode("config_triage_json_thresholds", "ConfigFlows.Thresholds", "", true, List.of(),
            "triage.json#thresholds"),
        new ResourceNode("fromFile", "RetryPolicy", "", true, List.of("config_retry_json"))), graph.resources());
    assertEquals(List.of(new ResourceUse("judge", "config_triage_json_thresholds"), new ResourceUse("judge", "fromFile")),
        graph.resourceUses());
    String mermaid = MermaidRenderer.render(graph);
    assertTrue(mermaid.contains("  res_config_triage_json_thresholds[(\"triage.json#thresholds: ConfigFlows.Thresholds\")]"
        + ":::resource\n"), mermaid);
    assertTrue(mermaid.contains("  res_config_retry_json -.-> res_fromFile\n"), mermaid);
  }
}
