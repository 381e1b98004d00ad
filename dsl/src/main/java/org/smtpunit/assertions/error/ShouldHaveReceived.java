package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.ReceivedMessage;

/** Failure message of the received-message assertions: the message as stored. */
public final class ShouldHaveReceived extends BasicErrorMessageFactory {

  private ShouldHaveReceived(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * A delivered message that differs: its recipients, its raw text, what was expected and the
   * expected value.
   */
  public static ErrorMessageFactory shouldHaveReceived(
      ReceivedMessage actual, String expectation, Object expected) {
    return new ShouldHaveReceived(
        "%nExpecting message delivered to %s:%n  %s%n%s:%n  %s",
        Text.of(actual.recipients()),
        Text.of(actual.raw().stripTrailing().replace("\r\n", "\n")),
        Text.of(expectation),
        Text.of(expected));
  }

  /** Creates the message, ending with what the message has instead. */
  public static ErrorMessageFactory shouldHaveReceived(
      ReceivedMessage actual, String expectation, Object expected, String found) {
    return new ShouldHaveReceived(
        "%nExpecting message delivered to %s:%n  %s%n%s:%n  %s%nbut %s",
        Text.of(actual.recipients()),
        Text.of(actual.raw().stripTrailing().replace("\r\n", "\n")),
        Text.of(expectation),
        Text.of(expected),
        Text.of(found));
  }
}
