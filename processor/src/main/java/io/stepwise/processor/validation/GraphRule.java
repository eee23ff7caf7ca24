package io.stepwise.processor.validation;

import io.stepwise.processor.model.EventIndex;
import java.util.List;
import javax.lang.model.element.Element;

/** One rule about a workflow's event graph, with a stable message id. */
interface GraphRule extends Rule {
  List<Finding> check(EventIndex index);

  /** One of this rule's messages, reported on {@code target}. */
  default Finding finding(Element target, String text) {
    return new Finding(target, message(text));
  }
}
