package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.dns.MxRecords;

/** Failure message of the MX record assertions: the records as nslookup prints them. */
public final class ShouldHaveMxRecords extends BasicErrorMessageFactory {

  private ShouldHaveMxRecords(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * MX records that differ from the expectation: the domain, its records, what was expected and the
   * expected value.
   */
  public static ErrorMessageFactory shouldHaveMxRecords(
      MxRecords actual, String expectation, Object expected) {
    String records = actual.toString().stripTrailing();
    return new ShouldHaveMxRecords(
        "%nExpecting MX records of %s:%n  %s%n%s:%n  %s",
        Text.of(actual.domain()),
        Text.of(records.isEmpty() ? "(none)" : records),
        Text.of(expectation),
        Text.of(expected));
  }
}
