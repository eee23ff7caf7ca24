package io.stepwise.crashtest;

/**
 * One worker JVM of a trial, as the checks need it.
 *
 * @param index its position in the trial, from 0
 * @param pid its process id, as its ledger lines carry it
 * @param mode {@code start}, {@code resume} or {@code answer ...}
 * @param resumedFrom what the store held when it was started (it resumes from that), or null for a start
 * @param killDelayMillis how long after it reported running the driver aimed to kill it, or -1 if not aimed at
 * @param killed whether the kill ended it (it may have ended by itself first)
 * @param outcome how it reported its end ({@code finished ...}, {@code waiting}, ...), "" when killed first
 */
record JvmRun(int index, long pid, String mode, StoredCut resumedFrom, long killDelayMillis, boolean killed,
    String outcome) {}
