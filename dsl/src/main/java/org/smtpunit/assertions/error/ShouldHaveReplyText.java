package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.SmtpReply;

/** Failure message of {@code hasTextContaining} and {@code hasTextMatching}. */
public final class ShouldHaveReplyText extends BasicErrorMessageFactory {

  private ShouldHaveReplyText(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * Reply text that does not match: the reply, the relation checked (e.g. containing), the text
   * expected and the transcript.
   */
  public static ErrorMessageFactory shouldHaveReplyText(
      SmtpReply actual, String relation, String expected) {
    return new ShouldHaveReplyText(
        "%nExpecting reply:%n  %s%nto have text %s:%n  %s%s",
        Text.of(actual),
        Text.of(relation),
        Text.of(expected),
        Text.transcript(actual.transcript()));
  }
}
