package io.stepwise.store.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Maps run ids to file names that are safe on every file system: letters, digits, '-' and '_'
 * stay, an upper-case letter becomes '^' and its lower case (so case-insensitive file systems
 * keep "A" and "a" apart), anything else is percent-encoded UTF-8. Names never start with '.',
 * which is kept for temporary and lock files.
 */
final class RunFileNames {
  static final String SUFFIX = ".run.json";
  static final String TEMP_SUFFIX = ".tmp";
  /** Longer encodings are shortened and end in a hash of the id, to stay within 255 bytes. */
  private static final int MAX_STEM = 180;

  private RunFileNames() {}

  /** The file name of a run's record. */
  static String fileName(String runId) {
    return stem(runId) + SUFFIX;
  }

  /** Whether a directory entry is a run record (not a temporary or lock file). */
  static boolean isRunFile(String fileName) {
    return fileName.endsWith(SUFFIX) && !fileName.startsWith(".");
  }

  static boolean isTempFile(String fileName) {
    return fileName.startsWith(".") && fileName.endsWith(TEMP_SUFFIX);
  }

  static String stem(String runId) {
    StringBuilder name = new StringBuilder(runId.length() + 8);
    for (byte b : runId.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
        name.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        name.append('^').append(Character.toLowerCase(c));
      } else {
        name.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
      }
    }
    if (name.length() <= MAX_STEM) {
      return name.toString();
    }
    return name.substring(0, MAX_STEM - 65) + "~" + sha256(runId);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
