package io.stepwise.samples.extraction.cli;

import io.stepwise.samples.extraction.ExtractionEvents.InputEvent;
import io.stepwise.samples.extraction.ExtractionFlow;
import io.stepwise.samples.extraction.ExtractionFlow_Workflow;
import io.stepwise.samples.extraction.ExtractionPrompts;
import io.stepwise.samples.extraction.ShippedInvoice;
import io.stepwise.samples.llm.ChatModels;
import io.stepwise.samples.llm.ChatModels.ChosenModel;
import io.stepwise.samples.llm.ModelSettings;
import io.stepwise.samples.llm.ScriptedChatModel;
import java.io.PrintStream;
import java.util.List;

/**
 * The {@code extraction} sample of {@code run}: the live extraction on the shipped invoice with
 * the answers given in advance, one feedback round and then approval, so the loop shows unattended.
 */
public final class ExtractionDemo {
  /** The feedback the demo gives on the first proposal. */
  public static final String FEEDBACK = "Add the line items, the subtotal and the tax.";

  private ExtractionDemo() {}

  public static void run(PrintStream out) {
    ChosenModel model = ChatModels.choose(ModelSettings.from(System.getenv()), ExtractionPrompts.script());
    out.println(model.banner());
    out.println("Stepwise sample: iterative extraction on the shipped invoice; the reviewer's answers are given in advance");
    out.println();
    int status = LiveSession.run(ExtractionFlow_Workflow.of(new ExtractionFlow(model.model())),
        new InputEvent(ShippedInvoice.path(), ExtractArguments.DEFAULT_PROMPT), Reviewer.scripted(List.of(FEEDBACK, "y")),
        ExtractCommand.label(model.model() instanceof ScriptedChatModel), out, out);
    if (status != 0) {
      throw new IllegalStateException("the extraction sample did not finish; see the message above");
    }
  }
}
