package org.smtpunit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one place where arguments become bytes, and the one check that keeps CR, LF and NUL off the
 * wire. Every check happens before a byte is sent, and the encoded bytes are checked again, so that
 * no character can turn into CR, LF or NUL on the wire (the class of bug of Jakarta Mail
 * CVE-2025-7962, where a non-ASCII character was narrowed to a byte).
 */
public final class Wire {

  private Wire() {}

  /** RFC 5321 §4.5.3.1.3: the longest reverse-path or forward-path, with its brackets. */
  public static final int MAX_PATH_OCTETS = 256;

  /** RFC 5321 §4.5.3.1.4: the longest command line, CRLF included. */
  public static final int MAX_COMMAND_LINE_OCTETS = 512;

  /**
   * Refuses CR, LF and NUL in an argument, and lone surrogates (which UTF-8 cannot encode: they
   * would go out as {@code ?}).
   *
   * @throws IllegalArgumentException naming the argument and the character's position
   */
  public static String requireSafe(String what, String value) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    boolean surrogates = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= '\r' && (c == '\r' || c == '\n' || c == '\0')) {
        throw WireRefusals.lineBreak(what, printable(value), c, i);
      }
      surrogates |= Character.isSurrogate(c);
    }
    return surrogates ? requireWellFormed(what, value) : value;
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
   * Refuses a lone surrogate: half of a UTF-16 pair cannot be encoded, and Java's encoder would
   * silently send {@code ?} in its place.
   *
   * @throws IllegalArgumentException naming the argument and the position
   */
  public static String requireWellFormed(String what, String value) {
    int at = loneSurrogate(value);
    if (at >= 0) {
      throw WireRefusals.loneSurrogate(what, printable(value), value.charAt(at), at);
    }
    return value;
  }

  /** Returns the index of the first unpaired surrogate, or -1. */
  public static int loneSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Refuses C0 control characters (tab included) and DEL, which RFC 5321 §4.1.2 never allows in a
   * mailbox, and lone surrogates, in one pass (arguments can be megabytes long).
   *
   * @return whether the value is all ASCII
   * @throws IllegalArgumentException naming the argument and the position
   */
  public static boolean requireNoControls(String what, String value) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    boolean ascii = true;
    boolean surrogates = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        if (c == '\r' || c == '\n' || c == '\0') {
          requireSafe(what, value);
        }
        throw WireRefusals.control(what, printable(value), printable(String.valueOf(c)), i);
      }
      ascii &= c < 0x80;
      surrogates |= Character.isSurrogate(c);
    }
    if (surrogates) {
      requireWellFormed(what, value);
    }
    return ascii;
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
        throw WireRefusals.notAscii(what, printable(value), i, hint);
      }
    }
    return value;
  }

  /** Encodes one command line as UTF-8 bytes ending in CRLF, re-checking the encoded bytes. */
  public static byte[] line(String line) {
    byte[] text = line.getBytes(StandardCharsets.UTF_8);
    boolean sameLength = text.length == line.length();
    for (int i = 0; i < text.length; i++) {
      byte b = text[i];
      if (b <= '?' && (b == '\r' || b == '\n' || b == 0)) {
        throw WireRefusals.lineBreakInLine(printable(line));
      }
      // The encoder writes '?' for a lone surrogate: with one octet per character, see which.
      if (b == '?' && sameLength && Character.isSurrogate(line.charAt(i))) {
        throw WireRefusals.loneSurrogateInLine(printable(line));
      }
    }
    if (!sameLength && loneSurrogate(line) >= 0) {
      throw WireRefusals.loneSurrogateInLine(printable(line));
    }
    byte[] out = Arrays.copyOf(text, text.length + 2);
    out[text.length] = '\r';
    out[text.length + 1] = '\n';
    return out;
  }

  /**
   * Returns notes for a command line that exceeds RFC 5321's limits, for the transcript: a test may
   * mean to send it, but whoever reads the log should see that it is over the limit.
   */
  public static List<String> limitNotes(String line, int octets) {
    List<String> notes = new ArrayList<>(2);
    int path = pathOctets(line);
    if (path > MAX_PATH_OCTETS) {
      notes.add(
          "the path of the next command is "
              + path
              + " octets, over RFC 5321 §4.5.3.1.3's limit of "
              + MAX_PATH_OCTETS
              + " (sent as asked)");
    }
    if (octets > MAX_COMMAND_LINE_OCTETS) {
      notes.add(
          "the next command line is "
              + octets
              + " octets with its CRLF, over RFC 5321 §4.5.3.1.4's limit of "
              + MAX_COMMAND_LINE_OCTETS
              + " (sent as asked)");
    }
    return notes;
  }

  /** The octets of the {@code <path>} of a MAIL FROM or RCPT TO line, brackets included; else 0. */
  private static int pathOctets(String line) {
    int colon = line.indexOf(':');
    if (colon < 0
        || !(line.regionMatches(true, 0, "MAIL FROM:", 0, 10)
            || line.regionMatches(true, 0, "RCPT TO:", 0, 8))) {
      return 0;
    }
    int open = line.indexOf('<', colon);
    int close = line.indexOf('>', open + 1);
    if (open < 0 || close < open) {
      return 0;
    }
    return utf8Length(line, open, close + 1);
  }

  /** Counts the UTF-8 octets of a range without encoding it (paths can be megabytes long). */
  private static int utf8Length(String text, int from, int to) {
    int octets = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      octets += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return octets;
  }

  public static boolean isAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  /**
   * Shows control characters visibly, for messages and transcripts: C0 (ESC, BEL...), DEL and the
   * C1 controls a terminal also obeys (such as CSI, U+009B), so that text from a server can never
   * drive the terminal of whoever prints it.
   */
  public static String printable(String value) {
    if (!needsEscaping(value)) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\0' -> out.append("\\0");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else if (isEscaped(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean needsEscaping(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || isEscaped(c)) {
        return true;
      }
    }
    return false;
  }

  /** C1 controls, bidirectional overrides and lone surrogates: invisible or terminal-driving. */
  private static boolean isEscaped(char c) {
    return (c >= 0x80 && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || Character.isSurrogate(c);
  }
}
