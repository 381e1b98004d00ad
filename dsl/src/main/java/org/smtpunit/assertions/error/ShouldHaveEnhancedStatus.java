package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.SmtpReply;

/**
 * Failure message of {@code hasEnhancedStatus} and {@code enhancedStatus()}, also when the server
 * sent none.
 */
public final class ShouldHaveEnhancedStatus extends BasicErrorMessageFactory {

  private ShouldHaveEnhancedStatus(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * A wrong or missing RFC 3463 status: the reply, the status expected, the one it has (or a hint
   * when none) and the transcript.
   */
  public static ErrorMessageFactory shouldHaveEnhancedStatus(SmtpReply actual, String expected) {
    return new ShouldHaveEnhancedStatus(
        "%nExpecting reply:%n  %s%nto have enhanced status code:%n  %s%nbut %s%s",
        Text.of(actual),
        Text.of(expected),
        Text.of(EnhancedStatusHint.found(actual)),
        Text.transcript(actual.transcript()));
  }

  /** Creates the message of navigating to the enhanced status of a reply that has none. */
  public static ErrorMessageFactory shouldHaveAnEnhancedStatus(SmtpReply actual) {
    return new ShouldHaveEnhancedStatus(
        "%nExpecting reply:%n  %s%nto have an enhanced status code%nbut %s%s",
        Text.of(actual),
        Text.of(EnhancedStatusHint.found(actual)),
        Text.transcript(actual.transcript()));
  }
}
