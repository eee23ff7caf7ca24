package io.stepwise;

/** Something that happened in a workflow run; steps accept and produce events. Usually a record. */
public interface Event {}
