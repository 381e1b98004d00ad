package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldBeConclusive.shouldBeConclusive;
import static org.smtpunit.assertions.error.ShouldPassCheck.shouldPassCheck;

import org.smtpunit.checks.ReverseDnsCheck;

/**
 * Assertions on a reverse DNS check; get one from {@link
 * SmtpAssertions#assertThat(ReverseDnsCheck)}.
 *
 * <pre>{@code
 * assertThat(checks.reverseDns(dns)).isForwardConfirmed().matchesGreeting();
 * }</pre>
 */
public class ReverseDnsCheckAssert
    extends AbstractSmtpUnitAssert<ReverseDnsCheckAssert, ReverseDnsCheck> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public ReverseDnsCheckAssert(ReverseDnsCheck actual) {
    super(actual, ReverseDnsCheckAssert.class);
  }

  /** Verifies a PTR name of the address resolves back to it (FCrDNS). */
  public ReverseDnsCheckAssert isForwardConfirmed() {
    return check(
        actual != null && actual.isForwardConfirmed(),
        "to have a PTR name that resolves back to its address");
  }

  /** Verifies the greeting's and the EHLO reply's host names are PTR names of the address. */
  public ReverseDnsCheckAssert matchesGreeting() {
    return check(
        actual != null && actual.matchesGreeting(),
        "to name a PTR name of its address in its greeting and EHLO reply");
  }

  private ReverseDnsCheckAssert check(boolean passed, String expectation) {
    isNotNull();
    if (actual.isInconclusive()) {
      throwAssertionError(
          shouldBeConclusive(actual, expectation, actual.reason(), actual.transcript()));
    }
    if (!passed) {
      throwAssertionError(
          shouldPassCheck(actual, expectation, actual.reason(), actual.transcript()));
    }
    return myself;
  }
}
