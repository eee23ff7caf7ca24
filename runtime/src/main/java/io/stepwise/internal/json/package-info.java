/**
 * The JSON foundations shared by the API, the codec SPI and the snapshot format: a JSON factory
 * bounded by {@code JsonLimits} ({@code BoundedJson}, {@code SurrogateEscapes}, {@code Utf16}),
 * typed numbers and untyped values ({@code TypedNumbers}, {@code DynamicJson}) and the codecs of
 * the runtime's built-in events ({@code BuiltInEvents}). The SPI imports this package: every
 * codec registry includes the built-in events, and those codecs are written with the SPI's own
 * codecs, so the two packages depend on each other; no public signature names a type of it.
 */
package io.stepwise.internal.json;
