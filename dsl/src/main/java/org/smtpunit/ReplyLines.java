package org.smtpunit;

import java.time.Instant;
import org.smtpunit.internal.Wire;

/**
 * The rules one reply line must follow (RFC 5321 §4.2), and the protocol errors for a line that
 * breaks them. Each error records the offending line in the transcript before it is thrown, so the
 * transcript shows what arrived.
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
    log.received(line, Instant.now(), null);
    int at = cr < 0 ? nul : nul < 0 ? cr : Math.min(cr, nul);
    String what = at == cr ? "a bare CR" : "a NUL";
    throw new SmtpProtocolException(
        "Malformed reply line ["
            + Wire.printable(line)
            + "] at "
            + stage
            + ": it holds "
            + what
            + " at index "
            + at
            + "; RFC 5321 §2.3.8 allows CR only as part of the CRLF line end",
        line,
        stage,
        log.snapshot());
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
      log.received(line, Instant.now(), null);
      throw new SmtpProtocolException(
          "Malformed reply line ["
              + Wire.printable(line)
              + "] at "
              + stage
              + ": expected a 3-digit code (2xx to 5xx) followed by ' ' or '-' (RFC 5321 §4.2)",
          line,
          stage,
          log.snapshot());
    }
    return (line.charAt(0) - '0') * 100 + (line.charAt(1) - '0') * 10 + (line.charAt(2) - '0');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
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
}
