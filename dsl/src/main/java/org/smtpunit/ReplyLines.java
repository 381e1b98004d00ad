package org.smtpunit;

import java.time.Instant;
import org.smtpunit.internal.Wire;

/**
 * The rules one reply line must follow (RFC 5321 §4.2, and a bound on its length and on the lines
 * of one reply), and the protocol errors for a line that breaks them. Each error records the
 * offending line (or its start) in the transcript before it is thrown, so the transcript shows what
 * arrived.
 */
final class ReplyLines {

  private ReplyLines() {}

  /**
   * A bare CR or a NUL inside a reply line is not text (RFC 5321 §2.3.8 allows CR only before LF):
   * the reply is refused, never turned into a value that would carry it.
   */
  static void refuseControls(String line, SmtpStage stage, TranscriptLog log) {
    int cr = line.indexOf('\r');
    int nul = line.indexOf('\0');
    if (cr < 0 && nul < 0) {
      return;
    }
    int at = cr < 0 ? nul : nul < 0 ? cr : Math.min(cr, nul);
    String what = at == cr ? "a bare CR" : "a NUL";
    throw malformed(
        line,
        stage,
        log,
        "it holds "
            + what
            + " at index "
            + at
            + "; RFC 5321 §2.3.8 allows CR only as part of the CRLF line end");
  }

  static int parseCode(String line, SmtpStage stage, TranscriptLog log) {
    boolean valid =
        line.length() >= 3
            && line.charAt(0) >= '2'
            && line.charAt(0) <= '5'
            && isDigit(line.charAt(1))
            && isDigit(line.charAt(2))
            && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-');
    if (!valid) {
      throw malformed(
          line,
          stage,
          log,
          "expected a 3-digit code (2xx to 5xx) followed by ' ' or '-' (RFC 5321 §4.2)");
    }
    return (line.charAt(0) - '0') * 100 + (line.charAt(1) - '0') * 10 + (line.charAt(2) - '0');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A line that is not a reply line, recorded in the transcript first: {@code why} says how. */
  private static SmtpProtocolException malformed(
      String line, SmtpStage stage, TranscriptLog log, String why) {
    log.received(line, Instant.now(), null);
    return new SmtpProtocolException(
        "Malformed reply line [" + Wire.printable(line) + "] at " + stage + ": " + why,
        line,
        stage,
        log.snapshot());
  }

  /** Every line of a multi-line reply carries the same code (RFC 5321 §4.2.1). */
  static SmtpProtocolException mixedCodes(
      String line, int code, SmtpStage stage, TranscriptLog log) {
    log.received(line, Instant.now(), null);
    return new SmtpProtocolException(
        "Mixed reply codes in one multi-line reply at "
            + stage
            + ": line ["
            + Wire.printable(line)
            + "] follows code "
            + code
            + "; RFC 5321 §4.2.1 requires every line of a reply to carry the same code",
        line,
        stage,
        log.snapshot());
  }

  /** A multi-line reply that goes on past {@code maxLines} without its last line. */
  static SmtpProtocolException endless(
      String line, int maxLines, SmtpStage stage, TranscriptLog log) {
    return new SmtpProtocolException(
        "Endless multi-line reply at "
            + stage
            + ": more than "
            + maxLines
            + " lines without a last line, the latest ["
            + Wire.printable(line)
            + "]; expected a line with a space after the code",
        line,
        stage,
        log.snapshot());
  }

  /**
   * A reply line over {@code maxOctets}; {@code how} says where the limit was passed and {@code
   * start} holds the line's first octets (redacted).
   */
  static SmtpProtocolException tooLong(
      SmtpStage stage, String how, String start, int maxOctets, TranscriptLog log) {
    log.note("reply line over " + maxOctets + " octets, starting [" + start + "...]");
    return new SmtpProtocolException(
        "Reply line too long at "
            + stage
            + ": more than "
            + maxOctets
            + " octets"
            + how
            + ", starting ["
            + Wire.printable(start)
            + "...]; RFC 5321 §4.5.3.1.5 allows 512, and this client "
            + maxOctets,
        start,
        stage,
        log.snapshot());
  }
}
