package io.stepwise.samples.state;

/** The tally sample's state: a mutable class with public fields, so the generated code can copy it. */
public class Tally {
  public int count;
  public int edits;

  public Tally() {}
}
