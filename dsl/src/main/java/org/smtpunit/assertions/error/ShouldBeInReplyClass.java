package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.SmtpReply;

/**
 * Failure message of the reply-class checks ({@code isSuccess}, {@code isPermanentNegative}...).
 */
public final class ShouldBeInReplyClass extends BasicErrorMessageFactory {

  private ShouldBeInReplyClass(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * Reply in the wrong RFC 5321 class: the reply, the class expected (e.g. positive completion) and
   * the transcript.
   */
  public static ErrorMessageFactory shouldBeInReplyClass(SmtpReply actual, String expectedClass) {
    return new ShouldBeInReplyClass(
        "%nExpecting reply:%n  %s%nto be %s%s",
        Text.of(actual), Text.of(expectedClass), Text.transcript(actual.transcript()));
  }
}
