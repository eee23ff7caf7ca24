package io.stepwise.store.directory;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per directory for this whole process. File locks exclude other processes only: two
 * stores of one process on the same directory would get an OverlappingFileLockException instead
 * of waiting, so they first take this lock.
 */
final class DirectoryLocks {
  private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private DirectoryLocks() {}

  /** The lock of a directory, given by its real path. */
  static ReentrantLock forDirectory(Path realPath) {
    return LOCKS.computeIfAbsent(realPath, path -> new ReentrantLock());
  }
}
