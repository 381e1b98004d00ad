package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Failure message of the delivery status notification assertions: the report (or the recipient's
 * part of it) as one line per recipient, what was expected, and what the report says instead.
 */
public final class ShouldHaveDeliveryStatus extends BasicErrorMessageFactory {

  private ShouldHaveDeliveryStatus(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * A delivery status notification (or one recipient's report) that differs: what it is, its text,
   * what was expected, the expected value and what the report says instead.
   *
   * @param subject what is under test, e.g. {@code "delivery status notification"}
   * @param actual the notification or recipient report
   * @param expectation what was expected, e.g. {@code "to have envelope id"}
   * @param expected the expected value
   * @param found what the report says instead
   */
  public static ErrorMessageFactory shouldHaveDeliveryStatus(
      String subject, Object actual, String expectation, Object expected, String found) {
    return new ShouldHaveDeliveryStatus(
        "%nExpecting %s:%n  %s%n%s:%n  %s%nbut %s",
        Text.of(subject), Text.of(actual), Text.of(expectation), Text.of(expected), Text.of(found));
  }
}
