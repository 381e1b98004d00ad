package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.Transcript;

/** Failure message of a security check that could not decide: inconclusive is never a pass. */
public final class ShouldBeConclusive extends BasicErrorMessageFactory {

  private ShouldBeConclusive(String format, Object... arguments) {
    super(format, arguments);
  }

  /** Creates the message. */
  public static ErrorMessageFactory shouldBeConclusive(
      Object check, String expectation, String reason, Transcript transcript) {
    return new ShouldBeConclusive(
        "%nExpecting the server%n  %s%n%s%nbut the check was INCONCLUSIVE (an inconclusive check is"
            + " never a pass):%n  %s%n%s",
        Text.of(check), Text.of(expectation), Text.of(reason), Text.transcript(transcript));
  }
}
