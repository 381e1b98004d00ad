package org.smtpunit.assertions.error;

import java.util.Arrays;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.SmtpReply;

/**
 * Failure message of {@code hasCodeIn}: the reply as on the wire and the codes any of which would
 * have passed.
 */
public final class ShouldHaveReplyCodeIn extends BasicErrorMessageFactory {

  private ShouldHaveReplyCodeIn(String format, Object... arguments) {
    super(format, arguments);
  }

  /** Creates the message for a reply whose code is none of {@code expected}. */
  public static ErrorMessageFactory shouldHaveReplyCodeIn(SmtpReply actual, int... expected) {
    return new ShouldHaveReplyCodeIn(
        "%nExpecting reply:%n  %s%nto have one of the codes:%n  %s%s",
        Text.of(actual), Text.of(Arrays.toString(expected)), Text.transcript(actual.transcript()));
  }
}
