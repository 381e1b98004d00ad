package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldBeConclusive.shouldBeConclusive;
import static org.smtpunit.assertions.error.ShouldPassCheck.shouldPassCheck;

import org.smtpunit.Transcript;
import org.smtpunit.checks.SmugglingCheck;
import org.smtpunit.checks.SmugglingProbe;

/**
 * Assertions on an SMTP smuggling check; get one from {@link
 * SmtpAssertions#assertThat(SmugglingCheck)}.
 *
 * <pre>{@code
 * assertThat(checks.smuggling("chris@contoso.com", "kate@fabrikam.com")).isNotVulnerable();
 * }</pre>
 */
public class SmugglingCheckAssert
    extends AbstractSmtpUnitAssert<SmugglingCheckAssert, SmugglingCheck> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public SmugglingCheckAssert(SmugglingCheck actual) {
    super(actual, SmugglingCheckAssert.class);
  }

  /**
   * Verifies no end-of-data variant was taken as the end of the message; fails when a probe was
   * inconclusive.
   */
  public SmugglingCheckAssert isNotVulnerable() {
    isNotNull();
    String expectation = "to read every non-standard end-of-data sequence as content";
    if (actual.isVulnerable()) {
      throwAssertionError(
          shouldPassCheck(actual, expectation, actual.reason(), transcriptOf(actual, true)));
    }
    if (actual.isInconclusive()) {
      throwAssertionError(
          shouldBeConclusive(actual, expectation, actual.reason(), transcriptOf(actual, false)));
    }
    return myself;
  }

  /** The transcript of the first accepted (or inconclusive) probe. */
  private static Transcript transcriptOf(SmugglingCheck check, boolean accepted) {
    return check.probes().stream()
        .filter(p -> accepted ? p.accepted() : p.inconclusive())
        .map(SmugglingProbe::transcript)
        .findFirst()
        .orElseGet(() -> check.probes().get(0).transcript());
  }
}
