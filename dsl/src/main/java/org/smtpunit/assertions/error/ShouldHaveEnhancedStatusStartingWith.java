package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.SmtpReply;

/**
 * Failure message of {@code hasEnhancedStatusStartingWith}: the reply, the expected class (and
 * subject), and the status the reply has, if any.
 */
public final class ShouldHaveEnhancedStatusStartingWith extends BasicErrorMessageFactory {

  private ShouldHaveEnhancedStatusStartingWith(String format, Object... arguments) {
    super(format, arguments);
  }

  /** Creates the message for a reply whose enhanced status does not start with {@code prefix}. */
  public static ErrorMessageFactory shouldHaveEnhancedStatusStartingWith(
      SmtpReply actual, String prefix) {
    return new ShouldHaveEnhancedStatusStartingWith(
        "%nExpecting reply:%n  %s%nto have an enhanced status code starting with:%n  %s%nbut %s%s",
        Text.of(actual),
        Text.of(prefix),
        Text.of(EnhancedStatusHint.found(actual)),
        Text.transcript(actual.transcript()));
  }
}
