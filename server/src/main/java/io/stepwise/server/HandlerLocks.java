package io.stepwise.server;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock per handler id, striped: a fixed set of locks, so the server keeps nothing per handler
 * that has gone, at the price of two handlers now and then sharing a lock for a moment.
 */
final class HandlerLocks {
  private static final int STRIPES = 1024;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  HandlerLocks() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  ReentrantLock of(String handlerId) {
    return locks[Math.floorMod(handlerId.hashCode() * 0x9E3779B9, STRIPES)];
  }
}
