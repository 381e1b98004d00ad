package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldBeConclusive.shouldBeConclusive;
import static org.smtpunit.assertions.error.ShouldPassCheck.shouldPassCheck;

import org.smtpunit.checks.CheckResult;

/**
 * The base of the assertions on a security check: a check passes only when it was conclusive and
 * decided the right way; an inconclusive check is never a pass, and either failure shows the
 * check's reason and transcript.
 *
 * <pre>{@code
 * assertThat(checks.openRelay("chris@contoso.com", "someone@northwindtraders.com")).isRefused();
 * }</pre>
 *
 * @param <SELF> the assertion type, for chaining
 * @param <ACTUAL> the type of the check under test
 */
public abstract class AbstractCheckAssert<
        SELF extends AbstractCheckAssert<SELF, ACTUAL>, ACTUAL extends CheckResult>
    extends AbstractSmtpUnitAssert<SELF, ACTUAL> {

  /**
   * Creates the assertion.
   *
   * @param actual the check under test
   * @param selfType the concrete assertion class
   */
  protected AbstractCheckAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * Verifies the check is not null, was conclusive, and then that it passed.
   *
   * @param passed whether the check was decided the right way (read only when it is not null)
   * @param expectation what the server was expected to do, e.g. {@code "to offer STARTTLS"}
   * @return this assertion
   */
  protected final SELF passes(boolean passed, String expectation) {
    isNotNull();
    if (actual.isInconclusive()) {
      throwAssertionError(
          shouldBeConclusive(actual, expectation, actual.reason(), actual.transcript()));
    }
    if (!passed) {
      failsCheck(expectation);
    }
    return myself;
  }

  /**
   * Fails because the check was decided the wrong way.
   *
   * @param expectation what the server was expected to do
   */
  protected final void failsCheck(String expectation) {
    throwAssertionError(shouldPassCheck(actual, expectation, actual.reason(), actual.transcript()));
  }
}
