package org.smtpunit.internal;

/**
 * The exceptions of {@link Wire}'s checks, one per kind of character that may not go on the wire:
 * each names the argument, shows its value printable (as the caller made it) and where the
 * offending character is, and says that nothing was sent. Kept apart from the checks because an
 * argument that passes never builds one.
 */
final class WireRefusals {

  private WireRefusals() {}

  /** A CR, LF or NUL ({@code c}) at {@code index} of an argument. */
  static IllegalArgumentException lineBreak(String what, String printable, char c, int index) {
    return holds(
        what,
        printable,
        name(c),
        index,
        ": it would end the command line early and inject another; nothing was sent");
  }

  /** Half of a UTF-16 pair ({@code c}) at {@code index}, which has no UTF-8 encoding. */
  static IllegalArgumentException loneSurrogate(String what, String printable, char c, int index) {
    String surrogate = "a lone surrogate (U+" + String.format("%04X", (int) c) + ")";
    return holds(what, printable, surrogate, index, ": it has no UTF-8 encoding; nothing was sent");
  }

  /** A C0 control character or DEL (shown as {@code control}) at {@code index} of an address. */
  static IllegalArgumentException control(
      String what, String printable, String control, int index) {
    return holds(
        what,
        printable,
        "the control character " + control,
        index,
        ": RFC 5321 §4.1.2 allows none in an address; nothing was sent");
  }

  /** A character outside printable US-ASCII at {@code index}; {@code hint} may be empty. */
  static IllegalArgumentException notAscii(String what, String printable, int index, String hint) {
    return holds(
        what,
        printable,
        "a character outside printable US-ASCII",
        index,
        (hint.isEmpty() ? "" : ": " + hint) + "; nothing was sent");
  }

  /** A command line whose encoded bytes hold CR, LF or NUL. */
  static IllegalArgumentException lineBreakInLine(String printableLine) {
    return new IllegalArgumentException(
        "Command line [" + printableLine + "] would put CR, LF or NUL on the wire");
  }

  /** A command line with a lone surrogate, which the encoder would have sent as {@code ?}. */
  static IllegalArgumentException loneSurrogateInLine(String printableLine) {
    return new IllegalArgumentException(
        "Command line [" + printableLine + "] holds a lone surrogate: it has no UTF-8 encoding");
  }

  /**
   * The one layout of an argument's refusal: {@code Subject [value] holds <what> at index 3: ...}.
   */
  private static IllegalArgumentException holds(
      String what, String printable, String holds, int index, String why) {
    return new IllegalArgumentException(
        what + " [" + printable + "] holds " + holds + " at index " + index + why);
  }

  private static String name(char c) {
    return switch (c) {
      case '\r' -> "a CR";
      case '\n' -> "an LF";
      default -> "a NUL";
    };
  }
}
