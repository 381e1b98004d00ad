package org.smtpunit.assertions.error;

import java.util.Locale;
import java.util.Optional;
import org.smtpunit.SmtpReply;
import org.smtpunit.TranscriptEntry;
import org.smtpunit.TranscriptEntry.Direction;

/**
 * What a reply's enhanced status is, for failure messages; when there is none, whether the
 * session's own EHLO reply advertised ENHANCEDSTATUSCODES (read from the reply's transcript) rather
 * than a guess.
 */
final class EnhancedStatusHint {

  private static final String KEYWORD = "ENHANCEDSTATUSCODES";

  private EnhancedStatusHint() {}

  /** Returns {@code "it has 5.1.1"} or {@code "it has none (...)"} with the EHLO evidence. */
  static String found(SmtpReply reply) {
    return reply
        .enhancedStatus()
        .map(status -> "it has " + status)
        .orElseGet(() -> "it has none (" + why(reply) + ")");
  }

  private static String why(SmtpReply reply) {
    return advertised(reply)
        .map(
            yes ->
                yes
                    ? "although the server's EHLO reply advertises " + KEYWORD
                    : "the server's EHLO reply does not advertise " + KEYWORD)
        .orElse("does the server advertise " + KEYWORD + "?");
  }

  /** Reads the last EHLO reply in the transcript; empty when the transcript shows no EHLO. */
  private static Optional<Boolean> advertised(SmtpReply reply) {
    Optional<Boolean> advertised = Optional.empty();
    boolean inEhloReply = false;
    for (TranscriptEntry entry : reply.transcript().entries()) {
      String line = entry.line();
      if (entry.direction() == Direction.SENT) {
        inEhloReply = line.regionMatches(true, 0, "EHLO ", 0, 5) || line.equalsIgnoreCase("EHLO");
        if (inEhloReply) {
          advertised = Optional.of(false);
        }
      } else if (inEhloReply && entry.direction() == Direction.RECEIVED && line.length() > 4) {
        // RFC 5321 §4.1.1.1: each line after the first names one extension keyword first.
        String keyword = line.substring(4).trim().split(" ", 2)[0].toUpperCase(Locale.ROOT);
        if (line.startsWith("250") && keyword.equals(KEYWORD)) {
          advertised = Optional.of(true);
        }
        inEhloReply = line.charAt(3) == '-';
      }
    }
    return advertised;
  }
}
