package org.smtpunit.assertions.error;

import java.util.Set;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.SmtpReply;

/** Failure message of {@code supportsAuthMechanism}. */
public final class ShouldSupportAuthMechanism extends BasicErrorMessageFactory {

  private ShouldSupportAuthMechanism(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * An AUTH mechanism not advertised: the EHLO reply, the mechanism, the mechanisms advertised and
   * the transcript.
   */
  public static ErrorMessageFactory shouldSupportAuthMechanism(
      SmtpReply actual, String mechanism, Set<String> advertised) {
    return new ShouldSupportAuthMechanism(
        "%nExpecting EHLO reply:%n  %s%nto advertise AUTH mechanism:%n  %s%nbut the AUTH mechanisms were:%n  %s%s",
        Text.of(actual),
        Text.of(mechanism),
        Text.of(advertised),
        Text.transcript(actual.transcript()));
  }
}
