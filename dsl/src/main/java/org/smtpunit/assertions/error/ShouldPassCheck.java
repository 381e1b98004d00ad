package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.Transcript;

/** Failure message of a security check that was decided, but the wrong way, with its evidence. */
public final class ShouldPassCheck extends BasicErrorMessageFactory {

  private ShouldPassCheck(String format, Object... arguments) {
    super(format, arguments);
  }

  /** Creates the message. */
  public static ErrorMessageFactory shouldPassCheck(
      Object check, String expectation, String reason, Transcript transcript) {
    return new ShouldPassCheck(
        "%nExpecting the server%n  %s%n%s%nbut:%n  %s%n%s",
        Text.of(check), Text.of(expectation), Text.of(reason), Text.transcript(transcript));
  }
}
