package io.stepwise.crashtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The guarantees one trial is held to, checked on what its JVMs reported, what the store held at
 * each kill and what the ledger counted:
 * <ol>
 *   <li>the result equals the uninterrupted run's, and so does every result a final step was about
 *       to return (nothing lost, nothing duplicated);
 *   <li>every execution of the uninterrupted run ran at least once, and no other ran;
 *   <li>no execution completed in the checkpoint a JVM resumed from ran again in that JVM;
 *   <li>no execution ran twice in one JVM (an attempt of a step on its input is done once per
 *       process, crash or not);
 *   <li>a step that fails once failed only its first attempt, and its second attempt ran.
 * </ol>
 */
final class TrialChecks {
  private TrialChecks() {}

  /** The failures of the trial; empty when every guarantee held. */
  static List<String> check(Shape<?, ?> shape, List<JvmRun> jvms, LedgerReading ledger, String result) {
    List<String> failures = new ArrayList<>();
    if (result != null && !result.equals(shape.expected())) {
      failures.add("result " + result + ", expected " + shape.expected());
    }
    for (String stop : ledger.stops()) {
      if (!stop.equals(shape.expected())) {
        failures.add("a final step computed " + stop + ", expected " + shape.expected());
      }
    }
    ledger.malformed().forEach(line -> failures.add("malformed ledger line '" + line + "'"));
    Set<String> ran = new TreeSet<>();
    ledger.began().forEach(b -> ran.add(b.key()));
    if (result != null) {
      Set<String> missing = new TreeSet<>(shape.executions());
      missing.removeAll(ran);
      if (!missing.isEmpty()) {
        failures.add("executions that never ran: " + missing);
      }
    }
    Set<String> unexpected = new TreeSet<>(ran);
    unexpected.removeAll(shape.executions());
    if (!unexpected.isEmpty()) {
      failures.add("executions an uninterrupted run does not make: " + unexpected);
    }
    for (JvmRun jvm : jvms) {
      checkJvm(jvm, ledger, failures);
    }
    checkRetries(shape, ledger, result != null, failures);
    return failures;
  }

  private static void checkJvm(JvmRun jvm, LedgerReading ledger, List<String> failures) {
    Map<String, Integer> counts = new HashMap<>();
    Set<String> rerunCompleted = new TreeSet<>();
    for (LedgerReading.Began began : ledger.began()) {
      if (began.pid() != jvm.pid()) {
        continue;
      }
      counts.merge(began.key() + " attempt " + began.attempt(), 1, Integer::sum);
      if (jvm.resumedFrom() != null && jvm.resumedFrom().completed().contains(began.key())) {
        rerunCompleted.add(began.key());
      }
    }
    if (!rerunCompleted.isEmpty()) {
      failures.add("JVM " + jvm.index() + " (" + jvm.mode() + ", from stored version " + jvm.resumedFrom().version()
          + ") ran again executions completed in that checkpoint: " + rerunCompleted);
    }
    counts.forEach((execution, count) -> {
      if (count > 1) {
        failures.add("JVM " + jvm.index() + " (" + jvm.mode() + ") ran " + execution + " " + count + " times");
      }
    });
  }

  private static void checkRetries(Shape<?, ?> shape, LedgerReading ledger, boolean finished, List<String> failures) {
    for (String key : shape.failingOnce()) {
      List<Integer> attempts = ledger.began().stream().filter(b -> b.key().equals(key))
          .map(LedgerReading.Began::attempt).toList();
      if (attempts.stream().anyMatch(attempt -> attempt < 1 || attempt > 2)) {
        failures.add(key + " ran attempts " + attempts + "; it fails only its first, so only attempts 1 and 2 run");
      }
      if (finished && !attempts.contains(2)) {
        failures.add(key + " finished without its second attempt: attempts " + attempts);
      }
    }
  }
}
