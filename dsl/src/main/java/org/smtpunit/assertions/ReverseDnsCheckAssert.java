package org.smtpunit.assertions;

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
    extends AbstractCheckAssert<ReverseDnsCheckAssert, ReverseDnsCheck> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public ReverseDnsCheckAssert(ReverseDnsCheck actual) {
    super(actual, ReverseDnsCheckAssert.class);
  }

  /** Verifies a PTR name of the address resolves back to it (FCrDNS). */
  public ReverseDnsCheckAssert isForwardConfirmed() {
    return passes(
        actual != null && actual.isForwardConfirmed(),
        "to have a PTR name that resolves back to its address");
  }

  /** Verifies the greeting's and the EHLO reply's host names are PTR names of the address. */
  public ReverseDnsCheckAssert matchesGreeting() {
    return passes(
        actual != null && actual.matchesGreeting(),
        "to name a PTR name of its address in its greeting and EHLO reply");
  }
}
