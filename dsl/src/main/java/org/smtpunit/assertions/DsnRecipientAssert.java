package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldHaveDeliveryStatus.shouldHaveDeliveryStatus;

import java.util.Optional;
import org.smtpunit.DeliveryStatusNotification.Action;
import org.smtpunit.DeliveryStatusNotification.Recipient;
import org.smtpunit.EnhancedStatus;

/**
 * Assertions on what a delivery status notification reports for one recipient; get one from {@link
 * DeliveryStatusNotificationAssert#recipient(String)}.
 *
 * <pre>{@code
 * assertThat(dsn).recipient("nobody@fabrikam.com")
 *     .hasAction(Action.FAILED)
 *     .hasStatusStartingWith("5.1")
 *     .hasDiagnosticCodeContaining("User unknown");
 * }</pre>
 */
public class DsnRecipientAssert extends AbstractSmtpUnitAssert<DsnRecipientAssert, Recipient> {

  private static final String SUBJECT = "report on recipient";

  /** Creates the assertion; public so soft assertions can proxy it. */
  public DsnRecipientAssert(Recipient actual) {
    super(actual, DsnRecipientAssert.class);
  }

  /**
   * Verifies the action: {@code DELIVERED}, {@code FAILED}, {@code DELAYED}, {@code RELAYED} or
   * {@code EXPANDED}.
   *
   * @throws IllegalArgumentException when {@code expected} is null
   */
  public DsnRecipientAssert hasAction(Action expected) {
    Expected.notNull(expected, "action");
    isNotNull();
    if (actual.action() != expected) {
      failWithDiff(
          actual.action(),
          expected,
          shouldHaveDeliveryStatus(
              SUBJECT, actual, "to have action", expected, "it has " + actual.action()));
    }
    return myself;
  }

  /**
   * Verifies the RFC 3463 status exactly, e.g. {@code "5.1.1"}.
   *
   * @throws IllegalArgumentException when {@code expected} is not {@code x.y.z}
   */
  public DsnRecipientAssert hasStatus(String expected) {
    EnhancedStatus wanted = EnhancedStatus.parse(expected);
    isNotNull();
    if (!actual.status().equals(wanted)) {
      failWithDiff(
          actual.status().toString(),
          expected,
          shouldHaveDeliveryStatus(
              SUBJECT, actual, "to have status", expected, "it has " + actual.status()));
    }
    return myself;
  }

  /**
   * Verifies the status starts with the class, or class and subject, part by part: {@code "5.1"}
   * for any address problem.
   *
   * @throws IllegalArgumentException when {@code prefix} is not {@code x}, {@code x.y} or {@code
   *     x.y.z}
   */
  public DsnRecipientAssert hasStatusStartingWith(String prefix) {
    StatusPrefix wanted = StatusPrefix.parse(prefix);
    isNotNull();
    if (!wanted.matches(actual.status())) {
      throwAssertionError(
          shouldHaveDeliveryStatus(
              SUBJECT,
              actual,
              "to have a status starting with",
              prefix,
              "it has " + actual.status()));
    }
    return myself;
  }

  /**
   * Verifies the diagnostic code (what the agent said, e.g. {@code 550 5.1.1 ... User unknown})
   * contains the text.
   *
   * @throws IllegalArgumentException when {@code text} is null
   */
  public DsnRecipientAssert hasDiagnosticCodeContaining(String text) {
    Expected.notNull(text, "text");
    isNotNull();
    if (actual.diagnosticCode().filter(code -> code.contains(text)).isEmpty()) {
      throwAssertionError(
          shouldHaveDeliveryStatus(
              SUBJECT,
              actual,
              "to have a diagnostic code containing",
              text,
              found("diagnostic code", actual.diagnosticCode())));
    }
    return myself;
  }

  /**
   * Verifies the server that gave the diagnostic (case-insensitive).
   *
   * @throws IllegalArgumentException when {@code expected} is null
   */
  public DsnRecipientAssert hasRemoteMta(String expected) {
    Expected.notNull(expected, "remote MTA");
    isNotNull();
    if (actual.remoteMta().filter(expected::equalsIgnoreCase).isEmpty()) {
      failWithDiff(
          actual.remoteMta().orElse("none"),
          expected,
          shouldHaveDeliveryStatus(
              SUBJECT,
              actual,
              "to have remote MTA",
              expected,
              found("remote MTA", actual.remoteMta())));
    }
    return myself;
  }

  /**
   * Verifies the original recipient (ORCPT) as reported (case-insensitive).
   *
   * @throws IllegalArgumentException when {@code expected} is null
   */
  public DsnRecipientAssert hasOriginalRecipient(String expected) {
    Expected.notNull(expected, "original recipient");
    isNotNull();
    if (actual.originalRecipient().filter(expected::equalsIgnoreCase).isEmpty()) {
      failWithDiff(
          actual.originalRecipient().orElse("none"),
          expected,
          shouldHaveDeliveryStatus(
              SUBJECT,
              actual,
              "to have original recipient",
              expected,
              found("original recipient", actual.originalRecipient())));
    }
    return myself;
  }

  private static String found(String what, Optional<String> value) {
    return value.map(v -> "its " + what + " is " + v).orElse("it has no " + what);
  }
}
