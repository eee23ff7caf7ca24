/**
 * A run's event stream: {@code EventStream} (what is published until it is read, bounded by the
 * run's stream buffer), {@code StreamRoom} (the places on a blocking stream), {@code HeldQuestions}
 * (questions held until their checkpoint is saved) and {@code BriefSpin} (a reader's short spin
 * before it parks).
 */
package io.stepwise.internal.stream;
