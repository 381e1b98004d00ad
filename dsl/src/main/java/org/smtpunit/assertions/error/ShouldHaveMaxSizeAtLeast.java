package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.SmtpReply;

/** Failure message of {@code hasMaxSizeAtLeast}. */
public final class ShouldHaveMaxSizeAtLeast extends BasicErrorMessageFactory {

  private ShouldHaveMaxSizeAtLeast(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * SIZE too small or absent: the EHLO reply, the minimum in octets, what was advertised and the
   * transcript.
   */
  public static ErrorMessageFactory shouldHaveMaxSizeAtLeast(
      SmtpReply actual, long expected, String advertised) {
    return new ShouldHaveMaxSizeAtLeast(
        "%nExpecting EHLO reply:%n  %s%nto advertise a SIZE of at least:%n  %s%nbut %s%s",
        Text.of(actual), expected, Text.of(advertised), Text.transcript(actual.transcript()));
  }
}
