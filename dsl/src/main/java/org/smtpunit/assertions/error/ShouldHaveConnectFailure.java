package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.ConnectFailure;

/** Failure message of {@code hasFailure} and {@code failedWith}. */
public final class ShouldHaveConnectFailure extends BasicErrorMessageFactory {

  private ShouldHaveConnectFailure(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * A connection that failed otherwise, or not at all: what was checked, the expected failure and
   * the actual outcome.
   */
  public static ErrorMessageFactory shouldHaveConnectFailure(
      String what, Object actual, ConnectFailure expected, Object actualFailure) {
    return new ShouldHaveConnectFailure(
        "%nExpecting %s:%n  %s%nto have failed with:%n  %s%nbut it %s",
        Text.of(what), Text.of(actual), expected, Text.of(actualFailure));
  }
}
