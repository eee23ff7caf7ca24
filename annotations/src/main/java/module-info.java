/** The Stepwise annotations: {@code @Workflow}, {@code @Step} and their companions. No dependencies. */
module io.stepwise.annotations {
  exports io.stepwise.annotations;
}
