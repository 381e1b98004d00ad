package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.EnhancedStatus;

/** Failure message of the enhanced status part checks ({@code hasStatusClass}...). */
public final class ShouldHaveStatusPart extends BasicErrorMessageFactory {

  private ShouldHaveStatusPart(String format, Object... arguments) {
    super(format, arguments);
  }

  /** Creates the message for a status whose {@code part} is not {@code expected}. */
  public static ErrorMessageFactory shouldHaveStatusPart(
      EnhancedStatus actual, String part, int expected) {
    return new ShouldHaveStatusPart(
        "%nExpecting enhanced status:%n  %s%nto have %s:%n  %s",
        Text.of(actual), Text.of(part), expected);
  }
}
