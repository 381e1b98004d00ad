package org.smtpunit.internal;

import java.nio.charset.StandardCharsets;

/**
 * The one place where arguments become bytes, and the one check that keeps CR, LF and NUL off the
 * wire. Every check happens before a byte is sent, and the encoded bytes are checked again, so that
 * no character can turn into CR, LF or NUL on the wire (the class of bug of Jakarta Mail
 * CVE-2025-7962, where a non-ASCII character was narrowed to a byte).
 */
public final class Wire {

  private Wire() {}

  /**
   * Refuses CR, LF and NUL in an argument.
   *
   * @throws IllegalArgumentException naming the argument and the character's position
   */
  public static String requireSafe(String what, String value) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    int i = indexOfLineBreakOrNul(value);
    if (i >= 0) {
      throw new IllegalArgumentException(
          what
              + " ["
              + printable(value)
              + "] holds "
              + name(value.charAt(i))
              + " at index "
              + i
              + ": it would end the command line early and inject another; nothing was sent");
    }
    return value;
  }

  /** Returns the index of the first CR, LF or NUL, or -1 when there is none. */
  public static int indexOfLineBreakOrNul(CharSequence value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == '\0') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Refuses CR, LF, NUL and any character outside US-ASCII.
   *
   * @throws IllegalArgumentException naming the argument
   */
  public static String requireAscii(String what, String value, String hint) {
    requireSafe(what, value);
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0x7e || (value.charAt(i) < 0x20 && value.charAt(i) != '\t')) {
        throw new IllegalArgumentException(
            what
                + " ["
                + printable(value)
                + "] holds a character outside printable US-ASCII at index "
                + i
                + (hint.isEmpty() ? "" : ": " + hint)
                + "; nothing was sent");
      }
    }
    return value;
  }

  /** Encodes one command line as UTF-8 bytes ending in CRLF, re-checking the encoded bytes. */
  public static byte[] line(String line) {
    byte[] text = line.getBytes(StandardCharsets.UTF_8);
    for (byte b : text) {
      if (b == '\r' || b == '\n' || b == 0) {
        throw new IllegalArgumentException(
            "Command line [" + printable(line) + "] would put CR, LF or NUL on the wire");
      }
    }
    byte[] out = new byte[text.length + 2];
    System.arraycopy(text, 0, out, 0, text.length);
    out[text.length] = '\r';
    out[text.length + 1] = '\n';
    return out;
  }

  /** Returns whether every character is US-ASCII. */
  public static boolean isAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Shows control characters visibly, for messages. */
  public static String printable(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\0' -> out.append("\\0");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static String name(char c) {
    return switch (c) {
      case '\r' -> "a CR";
      case '\n' -> "an LF";
      default -> "a NUL";
    };
  }
}
