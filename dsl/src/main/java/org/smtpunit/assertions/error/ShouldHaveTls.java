package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.TlsInfo;

/** Failure message of the TLS assertions: what was negotiated and what was expected. */
public final class ShouldHaveTls extends BasicErrorMessageFactory {

  private ShouldHaveTls(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * A TLS session that differs: the session, the property checked, the value expected and the value
   * found.
   */
  public static ErrorMessageFactory shouldHaveTls(
      TlsInfo actual, String expectation, Object expected, String found) {
    return new ShouldHaveTls(
        "%nExpecting TLS session:%n  %s%n%s:%n  %s%nbut %s",
        Text.of(actual), Text.of(expectation), Text.of(expected), Text.of(found));
  }
}
