package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldHaveDnsPolicy.shouldHaveDnsPolicy;

import org.smtpunit.dns.SpfRecord;

/**
 * Assertions on an SPF record; get one from {@link SmtpAssertions#assertThat(SpfRecord)}.
 *
 * <pre>{@code
 * assertThat(dns.spf("fabrikam.com")).isValid().hasAllQualifier('-').hasLookupsAtMost(10);
 * }</pre>
 */
public class SpfRecordAssert extends AbstractSmtpUnitAssert<SpfRecordAssert, SpfRecord> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public SpfRecordAssert(SpfRecord actual) {
    super(actual, SpfRecordAssert.class);
  }

  /** Verifies there is exactly one SPF record and it has no error. */
  public SpfRecordAssert isValid() {
    isNotNull();
    if (!actual.isValid()) {
      throwAssertionError(
          shouldHaveDnsPolicy(
              actual, "to be", "a valid SPF record", "it has errors " + actual.errors()));
    }
    return myself;
  }

  /** Verifies the {@code all} mechanism's qualifier, e.g. {@code '-'} for {@code -all}. */
  public SpfRecordAssert hasAllQualifier(char qualifier) {
    isNotNull();
    if (!actual.allQualifier().filter(q -> q == qualifier).isPresent()) {
      failWithDiff(
          actual.allQualifier().map(q -> q + "all").orElse("no all"),
          qualifier + "all",
          shouldHaveDnsPolicy(
              actual,
              "to end with",
              qualifier + "all",
              actual
                  .allQualifier()
                  .map(q -> "it has " + q + "all")
                  .orElse("it has no all mechanism")));
    }
    return myself;
  }

  /** Verifies the record needs at most this many DNS-querying terms. */
  public SpfRecordAssert hasLookupsAtMost(int lookups) {
    isNotNull();
    if (actual.lookupCount() > lookups) {
      throwAssertionError(
          shouldHaveDnsPolicy(
              actual,
              "to need at most",
              lookups + " DNS lookups",
              "it needs " + actual.lookupCount()));
    }
    return myself;
  }
}
