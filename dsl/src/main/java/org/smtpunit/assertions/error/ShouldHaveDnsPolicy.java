package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failure message of the SPF, DMARC and MTA-STS assertions: the record and what was expected. */
public final class ShouldHaveDnsPolicy extends BasicErrorMessageFactory {

  private ShouldHaveDnsPolicy(String format, Object... arguments) {
    super(format, arguments);
  }

  /** Creates the message. */
  public static ErrorMessageFactory shouldHaveDnsPolicy(
      Object record, String expectation, Object expected, Object found) {
    return new ShouldHaveDnsPolicy(
        "%nExpecting%n  %s%n%s:%n  %s%nbut %s",
        Text.of(record), Text.of(expectation), Text.of(expected), Text.of(found));
  }
}
