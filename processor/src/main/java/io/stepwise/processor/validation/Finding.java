package io.stepwise.processor.validation;

import javax.lang.model.element.Element;

/** One broken graph rule: the message and the element it is reported on. */
public record Finding(Element target, String message) {}
