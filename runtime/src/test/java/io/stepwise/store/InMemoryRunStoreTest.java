package io.stepwise.store;

import io.stepwise.store.contract.RunStoreContract;
import java.time.InstantSource;

class InMemoryRunStoreTest extends RunStoreContract {
  @Override
  protected RunStore open(InstantSource clock) {
    return new InMemoryRunStore(clock);
  }

  /** One process, one map: a "second process" is the same store. */
  @Override
  protected RunStore reopen(InstantSource clock) {
    return store;
  }
}
