package io.stepwise.internal;

/**
 * The runtime's {@link System.Logger}, made on first use. Creating one starts the JDK's logging
 * backend, about 20 ms in a fresh JVM, so a run that logs nothing (no verbose option, no
 * warning) never pays for it.
 */
public final class Log {
  private Log() {}

  private static final class Holder {
    static final System.Logger LOGGER = System.getLogger("io.stepwise");
  }

  public static System.Logger get() {
    return Holder.LOGGER;
  }
}
