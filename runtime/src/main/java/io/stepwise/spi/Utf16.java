package io.stepwise.spi;

/** Well-formed UTF-16: every surrogate in a high-low pair. */
final class Utf16 {
  private Utf16() {}

  /** The index of the first surrogate that is not part of a pair, or -1 when there is none. */
  static int loneSurrogateAt(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
