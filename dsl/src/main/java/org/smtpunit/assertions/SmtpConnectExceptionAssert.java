package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldHaveConnectFailure.shouldHaveConnectFailure;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.description.TextDescription;
import org.smtpunit.ConnectFailure;
import org.smtpunit.SmtpConnectException;

/**
 * Assertions on a failed connection; with everything AssertJ offers for throwables too. Get one
 * from {@link SmtpAssertions#assertThat(SmtpConnectException)}.
 *
 * <pre>{@code
 * SmtpConnectException e = catchThrowableOfType(SmtpConnectException.class,
 *     () -> client.open("mail1.fabrikam.com", 25));
 * assertThat(e).hasFailure(ConnectFailure.REFUSED).hasMessageContaining("port 25");
 * }</pre>
 */
public class SmtpConnectExceptionAssert
    extends AbstractThrowableAssert<SmtpConnectExceptionAssert, SmtpConnectException> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public SmtpConnectExceptionAssert(SmtpConnectException actual) {
    super(actual, SmtpConnectExceptionAssert.class);
  }

  /**
   * Verifies why the connection failed; a mismatch carries actual and expected failure so that IDEs
   * show a diff.
   *
   * @throws IllegalArgumentException when {@code expected} is null
   */
  public SmtpConnectExceptionAssert hasFailure(ConnectFailure expected) {
    Expected.notNull(expected, "failure");
    isNotNull();
    if (actual.failure() != expected) {
      String message =
          shouldHaveConnectFailure(
                  "connection failure",
                  actual.getMessage().lines().findFirst().orElse(""),
                  expected,
                  "failed with " + actual.failure())
              .create(new TextDescription(""), info.representation());
      throw failureWithActualExpected(actual.failure(), expected, "%s", message);
    }
    return myself;
  }
}
