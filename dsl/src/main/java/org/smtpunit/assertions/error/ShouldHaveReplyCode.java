package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.SmtpReply;

/** Failure message of {@code hasCode}: the reply as on the wire and the expected code. */
public final class ShouldHaveReplyCode extends BasicErrorMessageFactory {

  private ShouldHaveReplyCode(String format, Object... arguments) {
    super(format, arguments);
  }

  /** A wrong reply code: the reply as on the wire, the code expected and the transcript. */
  public static ErrorMessageFactory shouldHaveReplyCode(SmtpReply actual, int expected) {
    return new ShouldHaveReplyCode(
        "%nExpecting reply:%n  %s%nto have code:%n  %s%s",
        Text.of(actual), expected, Text.transcript(actual.transcript()));
  }
}
