package io.stepwise.spi;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * Writes every UTF-16 surrogate as a {@code \}{@code uXXXX} escape. A lone surrogate is a legal
 * Java string but has no UTF-8 form, so a file or a database column would turn it into {@code ?};
 * escaped, the text is plain ASCII there and reads back to the same string. A valid pair becomes
 * two escapes, which every JSON reader joins again.
 */
final class SurrogateEscapes extends CharacterEscapes {
  static final SurrogateEscapes INSTANCE = new SurrogateEscapes();

  private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();

  private SurrogateEscapes() {}

  @Override
  public int[] getEscapeCodesForAscii() {
    return ASCII;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    if (!Character.isSurrogate((char) ch)) {
      return null;
    }
    return new SerializedString("\\u" + Integer.toHexString(ch).toUpperCase(java.util.Locale.ROOT));
  }
}
