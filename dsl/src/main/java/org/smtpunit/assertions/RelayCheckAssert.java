package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldBeConclusive.shouldBeConclusive;
import static org.smtpunit.assertions.error.ShouldPassCheck.shouldPassCheck;

import org.assertj.core.api.AbstractObjectAssert;
import org.smtpunit.checks.RelayCheck;

/**
 * Assertions on an open-relay check; get one from {@link SmtpAssertions#assertThat(RelayCheck)}.
 *
 * <pre>{@code
 * assertThat(checks.openRelay("chris@contoso.com", "someone@northwindtraders.com")).isRefused();
 * }</pre>
 */
public class RelayCheckAssert extends AbstractObjectAssert<RelayCheckAssert, RelayCheck> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public RelayCheckAssert(RelayCheck actual) {
    super(actual, RelayCheckAssert.class);
  }

  /** Verifies the server refused to relay; fails when the check was inconclusive. */
  public RelayCheckAssert isRefused() {
    isNotNull();
    String expectation =
        "to refuse relaying from <" + actual.sender() + "> to <" + actual.recipient() + ">";
    if (actual.isInconclusive()) {
      throwAssertionError(
          shouldBeConclusive(actual, expectation, actual.reason(), actual.transcript()));
    }
    if (!actual.refused()) {
      throwAssertionError(
          shouldPassCheck(actual, expectation, actual.reason(), actual.transcript()));
    }
    return myself;
  }
}
