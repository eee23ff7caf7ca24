package io.stepwise.samples.guide.state;

/** The guide's {@code WorkflowState}: public fields and a no-arg constructor, so generated code can create and copy it. */
public class UserState {
  public String username = "";
  public String email = "";
  public int age;

  public UserState() {}
}
