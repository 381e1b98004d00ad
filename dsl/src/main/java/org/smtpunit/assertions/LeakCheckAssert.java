package org.smtpunit.assertions;

import org.smtpunit.checks.LeakCheck;

/**
 * Assertions on a VRFY or EXPN leak check; get one from {@link
 * SmtpAssertions#assertThat(LeakCheck)}.
 *
 * <pre>{@code
 * assertThat(checks.vrfy("kate@fabrikam.com")).doesNotLeak();
 * }</pre>
 */
public class LeakCheckAssert extends AbstractCheckAssert<LeakCheckAssert, LeakCheck> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public LeakCheckAssert(LeakCheck actual) {
    super(actual, LeakCheckAssert.class);
  }

  /** Verifies the replies do not tell the address from a made-up one; fails when inconclusive. */
  public LeakCheckAssert doesNotLeak() {
    isNotNull();
    String expectation =
        "not to tell " + actual.argument() + " from a made-up address with " + actual.command();
    // A leak is reported as such even when the check is also marked inconclusive.
    if (actual.leaks()) {
      failsCheck(expectation);
    }
    return passes(true, expectation);
  }
}
