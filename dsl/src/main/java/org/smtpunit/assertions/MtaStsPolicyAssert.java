package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldHaveDnsPolicy.shouldHaveDnsPolicy;

import org.smtpunit.dns.MtaStsPolicy;

/**
 * Assertions on an MTA-STS policy; get one from {@link SmtpAssertions#assertThat(MtaStsPolicy)}.
 *
 * <pre>{@code
 * assertThat(MtaSts.lookup(dns, "fabrikam.com")).isEnforcing().permits("mail1.fabrikam.com");
 * }</pre>
 */
public class MtaStsPolicyAssert extends AbstractSmtpUnitAssert<MtaStsPolicyAssert, MtaStsPolicy> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public MtaStsPolicyAssert(MtaStsPolicy actual) {
    super(actual, MtaStsPolicyAssert.class);
  }

  /** Verifies the TXT record and the policy were found and have no error. */
  public MtaStsPolicyAssert isValid() {
    isNotNull();
    if (!actual.isValid()) {
      throwAssertionError(
          shouldHaveDnsPolicy(
              actual, "to be", "a valid MTA-STS policy", "it has errors " + actual.errors()));
    }
    return myself;
  }

  /** Verifies the policy is valid and in {@code enforce} mode. */
  public MtaStsPolicyAssert isEnforcing() {
    isNotNull();
    if (!actual.isEnforcing()) {
      throwAssertionError(
          shouldHaveDnsPolicy(
              actual,
              "to be",
              "a valid policy in enforce mode",
              "its mode is "
                  + actual.mode().orElse("missing")
                  + (actual.errors().isEmpty() ? "" : ", errors " + actual.errors())));
    }
    return myself;
  }

  /** Verifies an {@code mx} pattern of the policy covers the host. */
  public MtaStsPolicyAssert permits(String mxHost) {
    isNotNull();
    if (!actual.permits(mxHost)) {
      throwAssertionError(
          shouldHaveDnsPolicy(
              actual, "to permit MX host", mxHost, "its mx patterns are " + actual.mxPatterns()));
    }
    return myself;
  }
}
