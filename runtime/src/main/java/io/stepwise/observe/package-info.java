/**
 * The observer SPI: {@link io.stepwise.observe.RunObserver} and the events it is called with.
 * See docs/observability.md.
 */
package io.stepwise.observe;
