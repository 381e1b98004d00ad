package org.smtpunit.assertions.error;

import java.time.Duration;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.SmtpReply;

/**
 * Failure message of {@code arrivedWithin}: the reply as on the wire, how long it took and the
 * limit it exceeded.
 *
 * <pre>{@code
 * throwAssertionError(shouldHaveArrivedWithin(reply, Duration.ofSeconds(2)));
 * }</pre>
 */
public final class ShouldHaveArrivedWithin extends BasicErrorMessageFactory {

  private ShouldHaveArrivedWithin(String format, Object... arguments) {
    super(format, arguments);
  }

  /** Creates the message. */
  public static ErrorMessageFactory shouldHaveArrivedWithin(SmtpReply actual, Duration limit) {
    return new ShouldHaveArrivedWithin(
        "%nExpecting reply:%n  %s%nto have arrived within:%n  %s%nbut it took:%n  %s%s",
        Text.of(actual),
        Text.of(limit.toMillis() + " ms"),
        Text.of(actual.elapsed().toMillis() + " ms"),
        Text.transcript(actual.transcript()));
  }
}
