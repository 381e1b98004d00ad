package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldHaveStatusPart.shouldHaveStatusPart;

import java.util.function.ToIntFunction;
import org.smtpunit.EnhancedStatus;

/**
 * Assertions on an RFC 3463 enhanced status, part by part; get one from {@link
 * SmtpAssertions#assertThat(EnhancedStatus)} or by navigating from a reply with {@code
 * enhancedStatus()}.
 *
 * <pre>{@code
 * assertThat(smtp.rcptTo("nobody@fabrikam.com")).enhancedStatus().hasStatusClass(5).hasSubject(1);
 * }</pre>
 */
public class EnhancedStatusAssert
    extends AbstractSmtpUnitAssert<EnhancedStatusAssert, EnhancedStatus> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public EnhancedStatusAssert(EnhancedStatus actual) {
    super(actual, EnhancedStatusAssert.class);
  }

  /** Verifies the class: 2 (success), 4 (persistent transient failure) or 5 (permanent failure). */
  public EnhancedStatusAssert hasStatusClass(int expected) {
    return hasPart("class", EnhancedStatus::statusClass, expected);
  }

  /** Verifies the subject, e.g. 1 for an addressing status, 7 for security or policy. */
  public EnhancedStatusAssert hasSubject(int expected) {
    return hasPart("subject", EnhancedStatus::subject, expected);
  }

  /** Verifies the detail, e.g. 1 in {@code 5.1.1} (bad destination mailbox address). */
  public EnhancedStatusAssert hasDetail(int expected) {
    return hasPart("detail", EnhancedStatus::detail, expected);
  }

  private EnhancedStatusAssert hasPart(
      String part, ToIntFunction<EnhancedStatus> reader, int expected) {
    isNotNull();
    int value = reader.applyAsInt(actual);
    if (value != expected) {
      failWithDiff(value, expected, shouldHaveStatusPart(actual, part, expected));
    }
    return myself;
  }
}
