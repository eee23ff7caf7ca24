package io.stepwise.processor.validation;

import io.stepwise.processor.model.EventIndex;
import java.util.List;

/** One rule about a workflow's event graph, with a stable message id. */
interface GraphRule {
  List<Finding> check(EventIndex index);
}
