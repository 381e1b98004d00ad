package org.smtpunit.stub;

import java.util.Locale;

/**
 * The commands a {@link SmtpStub} rule can answer: every command of the walkthrough plus STARTTLS,
 * AUTH, BDAT, VRFY, EXPN, HELP, NOOP, RSET, QUIT, anything else ({@link #UNKNOWN}), and two points
 * of the conversation that are not commands: the greeting ({@link #CONNECT}) and the end of the
 * message content ({@link #CONTENT}, the reply after the lone dot).
 *
 * <pre>{@code
 * stub.on(SmtpVerb.RCPT).matching("nobody@").reply("550 5.1.1 User unknown");
 * stub.on(SmtpVerb.CONTENT).reply("554 5.7.1 Message rejected as spam");
 * }</pre>
 */
public enum SmtpVerb {
  /** The connection was accepted: the rule answers in place of the greeting. */
  CONNECT,
  /** {@code HELO domain} (RFC 821). */
  HELO,
  /** {@code EHLO domain} (RFC 5321 §4.1.1.1). */
  EHLO,
  /** {@code STARTTLS} (RFC 3207). */
  STARTTLS,
  /** {@code AUTH mechanism [initial-response]} (RFC 4954). */
  AUTH,
  /** {@code MAIL FROM:<sender> [parameters]}. */
  MAIL,
  /** {@code RCPT TO:<recipient> [parameters]}. */
  RCPT,
  /** {@code DATA}: the reply before the content (354 when it goes ahead). */
  DATA,
  /** The end of the content sent after DATA: the reply to the lone dot. */
  CONTENT,
  /** {@code BDAT size [LAST]} (RFC 3030). */
  BDAT,
  /** {@code RSET}. */
  RSET,
  /** {@code NOOP}. */
  NOOP,
  /** {@code VRFY string}. */
  VRFY,
  /** {@code EXPN string}. */
  EXPN,
  /** {@code HELP [string]}. */
  HELP,
  /** {@code QUIT}. */
  QUIT,
  /** Any other line: an unknown verb, or a known verb without its colon ({@code MAIL chris@}). */
  UNKNOWN;

  /** Returns the verb of a command line (case-insensitive, as RFC 5321 §2.4 requires). */
  static SmtpVerb of(String line) {
    int space = line.indexOf(' ');
    String word = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
    return switch (word) {
      case "HELO" -> HELO;
      case "EHLO" -> EHLO;
      case "STARTTLS" -> STARTTLS;
      case "AUTH" -> AUTH;
      case "MAIL" -> hasPrefix(line, "MAIL FROM:") ? MAIL : UNKNOWN;
      case "RCPT" -> hasPrefix(line, "RCPT TO:") ? RCPT : UNKNOWN;
      case "DATA" -> DATA;
      case "BDAT" -> BDAT;
      case "RSET" -> RSET;
      case "NOOP" -> NOOP;
      case "VRFY" -> VRFY;
      case "EXPN" -> EXPN;
      case "HELP" -> HELP;
      case "QUIT" -> QUIT;
      default -> UNKNOWN;
    };
  }

  /**
   * Returns the argument of a command line: what follows {@code MAIL FROM:} or {@code RCPT TO:},
   * else what follows the verb and its space; empty when there is none.
   */
  static String argument(SmtpVerb verb, String line) {
    int start =
        switch (verb) {
          case MAIL -> "MAIL FROM:".length();
          case RCPT -> "RCPT TO:".length();
          default -> {
            int space = line.indexOf(' ');
            yield space < 0 ? line.length() : space + 1;
          }
        };
    return line.substring(Math.min(start, line.length())).trim();
  }

  private static boolean hasPrefix(String line, String prefix) {
    return line.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
