package io.stepwise.processor.validation;

import io.stepwise.annotations.GraphCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code [Stepwise/SkipChecks]}: every name in a {@code skipChecks} is a rule this processor
 * knows. An unknown name comes from a newer annotations jar than the processor; ignoring it would
 * run the very check the user meant to silence, or silently skip one they did not.
 */
public final class SkipChecksRule implements Rule {
  private static final String KNOWN = Arrays.stream(GraphCheck.values()).map(GraphCheck::name).sorted()
      .collect(Collectors.joining(", "));

  @Override
  public String id() {
    return "[Stepwise/SkipChecks]";
  }

  /**
   * @param subject {@code Step 'x'} or {@code Workflow 'y'}
   * @param names the constant names its {@code skipChecks} lists, as written
   * @return one message per unknown name, in the order written
   */
  public List<String> check(String subject, List<String> names) {
    var messages = new ArrayList<String>();
    for (String name : names) {
      if (!isKnown(name)) {
        messages.add(message(subject + " has skipChecks = " + name + ", which this processor does not know;"
            + " it knows " + KNOWN + ". Use a stepwise-processor of the same version as stepwise-annotations,"
            + " or remove " + name + " from skipChecks."));
      }
    }
    return messages;
  }

  /** The known checks among {@code names}; the unknown ones are reported by {@link #check}. */
  public static Set<GraphCheck> known(List<String> names) {
    return names.stream().filter(SkipChecksRule::isKnown).map(GraphCheck::valueOf)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean isKnown(String name) {
    return Arrays.stream(GraphCheck.values()).anyMatch(c -> c.name().equals(name));
  }
}
