package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldBeConclusive.shouldBeConclusive;
import static org.smtpunit.assertions.error.ShouldPassCheck.shouldPassCheck;

import org.smtpunit.checks.LeakCheck;

/**
 * Assertions on a VRFY or EXPN leak check; get one from {@link
 * SmtpAssertions#assertThat(LeakCheck)}.
 *
 * <pre>{@code
 * assertThat(checks.vrfy("kate@fabrikam.com")).doesNotLeak();
 * }</pre>
 */
public class LeakCheckAssert extends AbstractSmtpUnitAssert<LeakCheckAssert, LeakCheck> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public LeakCheckAssert(LeakCheck actual) {
    super(actual, LeakCheckAssert.class);
  }

  /** Verifies the replies do not tell the address from a made-up one; fails when inconclusive. */
  public LeakCheckAssert doesNotLeak() {
    isNotNull();
    String expectation =
        "not to tell " + actual.argument() + " from a made-up address with " + actual.command();
    if (actual.leaks()) {
      throwAssertionError(
          shouldPassCheck(actual, expectation, actual.reason(), actual.transcript()));
    }
    if (actual.isInconclusive()) {
      throwAssertionError(
          shouldBeConclusive(actual, expectation, actual.reason(), actual.transcript()));
    }
    return myself;
  }
}
