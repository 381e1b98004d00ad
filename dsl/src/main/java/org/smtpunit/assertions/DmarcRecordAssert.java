package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldHaveDnsPolicy.shouldHaveDnsPolicy;

import org.smtpunit.dns.DmarcRecord;

/**
 * Assertions on a DMARC record; get one from {@link SmtpAssertions#assertThat(DmarcRecord)}.
 *
 * <pre>{@code
 * assertThat(dns.dmarc("fabrikam.com")).isValid().hasPolicy("reject");
 * }</pre>
 */
public class DmarcRecordAssert extends AbstractSmtpUnitAssert<DmarcRecordAssert, DmarcRecord> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public DmarcRecordAssert(DmarcRecord actual) {
    super(actual, DmarcRecordAssert.class);
  }

  /** Verifies a DMARC record was found and has no error. */
  public DmarcRecordAssert isValid() {
    isNotNull();
    if (!actual.isValid()) {
      throwAssertionError(
          shouldHaveDnsPolicy(
              actual, "to be", "a valid DMARC record", "it has errors " + actual.errors()));
    }
    return myself;
  }

  /**
   * Verifies the policy that applies to the domain ({@code p=}, or {@code sp=} when the record was
   * inherited from the organizational domain), e.g. {@code reject}.
   */
  public DmarcRecordAssert hasPolicy(String policy) {
    isNotNull();
    if (!actual.effectivePolicy().filter(policy::equalsIgnoreCase).isPresent()) {
      failWithDiff(
          actual.effectivePolicy().orElse("none found"),
          policy,
          shouldHaveDnsPolicy(
              actual,
              "to have policy",
              policy,
              actual
                  .effectivePolicy()
                  .map(p -> "it has " + p)
                  .orElse("it has none; errors " + actual.errors())));
    }
    return myself;
  }
}
