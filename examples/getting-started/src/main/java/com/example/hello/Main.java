package com.example.hello;

import com.example.hello.GreetingFlow.Greet;
import com.example.hello.GreetingFlow.Greeting;

/** Runs the workflow once: {@code java -cp ... com.example.hello.Main Ada}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Greeting greeting = GreetingFlow_Workflow.of(new GreetingFlow())
        .run(new Greet(args.length > 0 ? args[0] : ""))
        .result(); // blocks until the run ends; rethrows a step's failure
    System.out.println(greeting.text());
  }
}
