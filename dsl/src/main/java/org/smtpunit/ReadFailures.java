package org.smtpunit;

import java.time.Duration;
import org.smtpunit.internal.Durations;

/**
 * The exceptions for a reply that did not arrive: no complete reply by the deadline, or the
 * connection closed or failed while reading. Each records in the transcript what went wrong before
 * the exception is built, and says when the outcome of a message is unknown. Kept apart from {@link
 * ReplyReader} because a reply that arrives whole never builds one.
 */
final class ReadFailures {

  private ReadFailures() {}

  /**
   * No complete reply within {@code timeout}; {@code unfinished} is the printable part of a line
   * received so far, or {@code null}.
   */
  static SmtpTimeoutException timeout(
      SmtpStage stage, Duration timeout, String unfinished, TranscriptLog log, Throwable cause) {
    String partial = unfinished != null ? " (received so far: [" + unfinished + "])" : "";
    String outcome =
        stage == SmtpStage.CONTENT || stage == SmtpStage.BDAT
            ? ". The outcome is unknown: the server may have accepted the message, so it was not"
                + " re-sent"
            : "";
    log.note("no complete reply within " + Durations.format(timeout) + partial);
    return new SmtpTimeoutException(
        "No complete reply at "
            + stage
            + " within the reply timeout of "
            + Durations.format(timeout)
            + partial
            + outcome
            + ". Likely causes: the server is overloaded or stalled, a firewall or proxy holds"
            + " the connection, or the server is not an SMTP server",
        stage,
        log.snapshot(),
        cause);
  }

  /** The connection closed or failed while reading; {@code what} says how. */
  static SmtpConnectionClosedException closed(
      SmtpStage stage, String what, TranscriptLog log, Throwable cause) {
    log.note(what);
    String outcome =
        stage == SmtpStage.CONTENT
            ? ". The outcome is unknown: the server may have accepted the message before it"
                + " closed, so it was not re-sent"
            : "";
    return new SmtpConnectionClosedException(
        "Connection closed at " + stage + ": " + what + outcome, stage, log.snapshot(), cause);
  }
}
