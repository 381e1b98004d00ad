package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.SmtpReply;

/** Failure message of {@code supports} and {@code doesNotSupport} on an EHLO reply. */
public final class ShouldSupportExtension extends BasicErrorMessageFactory {

  private ShouldSupportExtension(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * An extension advertised or not, against the expectation: the EHLO reply, the keyword and the
   * transcript.
   */
  public static ErrorMessageFactory shouldSupportExtension(
      SmtpReply actual, String keyword, boolean expected) {
    return new ShouldSupportExtension(
        "%nExpecting EHLO reply:%n  %s%n%s:%n  %s%s",
        Text.of(actual),
        Text.of(expected ? "to advertise" : "not to advertise"),
        Text.of(keyword),
        Text.transcript(actual.transcript()));
  }
}
