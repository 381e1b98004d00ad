package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldHaveDeliveryStatus.shouldHaveDeliveryStatus;

import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.InstanceOfAssertFactory;
import org.assertj.core.api.ListAssert;
import org.smtpunit.DeliveryStatusNotification;
import org.smtpunit.DeliveryStatusNotification.Recipient;

/**
 * Assertions on a parsed delivery status notification (RFC 3464); get one from {@link
 * SmtpAssertions#assertThat(DeliveryStatusNotification)}.
 *
 * <pre>{@code
 * assertThat(DeliveryStatusNotification.parse(notification))
 *     .hasEnvelopeId("QQ314159")
 *     .recipient("kate@fabrikam.com")
 *     .hasAction(DeliveryStatusNotification.Action.DELIVERED);
 * }</pre>
 */
public class DeliveryStatusNotificationAssert
    extends AbstractSmtpUnitAssert<DeliveryStatusNotificationAssert, DeliveryStatusNotification> {

  private static final String SUBJECT = "delivery status notification";
  private static final InstanceOfAssertFactory<Recipient, DsnRecipientAssert> RECIPIENT =
      new InstanceOfAssertFactory<>(Recipient.class, DsnRecipientAssert::new);

  /** Creates the assertion; public so soft assertions can proxy it. */
  public DeliveryStatusNotificationAssert(DeliveryStatusNotification actual) {
    super(actual, DeliveryStatusNotificationAssert.class);
  }

  /**
   * Verifies the {@code Original-Envelope-Id}: the ENVID given at {@code MAIL FROM}.
   *
   * @throws IllegalArgumentException when {@code expected} is null
   */
  public DeliveryStatusNotificationAssert hasEnvelopeId(String expected) {
    Expected.notNull(expected, "envelope id");
    isNotNull();
    if (actual.envelopeId().filter(expected::equals).isEmpty()) {
      String found = actual.envelopeId().orElse("none");
      failWithDiff(
          found,
          expected,
          shouldHaveDeliveryStatus(
              SUBJECT,
              actual,
              "to have envelope id",
              expected,
              actual.envelopeId().map(id -> "it has " + id).orElse("it has none")));
    }
    return myself;
  }

  /**
   * Verifies the server that wrote the report (case-insensitive).
   *
   * @throws IllegalArgumentException when {@code expected} is null
   */
  public DeliveryStatusNotificationAssert hasReportingMta(String expected) {
    Expected.notNull(expected, "reporting MTA");
    isNotNull();
    if (!actual.reportingMta().equalsIgnoreCase(expected)) {
      failWithDiff(
          actual.reportingMta(),
          expected,
          shouldHaveDeliveryStatus(
              SUBJECT,
              actual,
              "to be reported by",
              expected,
              "it was reported by " + actual.reportingMta()));
    }
    return myself;
  }

  /**
   * Navigates to the report on one recipient, found by final or original address
   * (case-insensitive); fails when the notification does not report on it.
   *
   * @throws IllegalArgumentException when {@code address} is null
   */
  @CheckReturnValue
  public DsnRecipientAssert recipient(String address) {
    Expected.notNull(address, "recipient");
    isNotNull();
    if (actual.recipient(address).isEmpty()) {
      throwAssertionError(
          shouldHaveDeliveryStatus(
              SUBJECT,
              actual,
              "to report on recipient",
              address,
              "it reports on "
                  + actual.recipients().stream().map(Recipient::finalRecipient).toList()));
    }
    return navigate("recipient " + address, dsn -> dsn.recipient(address).orElseThrow(), RECIPIENT);
  }

  /** Navigates to the per-recipient reports, in order, for AssertJ's list assertions. */
  @CheckReturnValue
  public ListAssert<Recipient> recipients() {
    return navigate(
        "recipients",
        DeliveryStatusNotification::recipients,
        InstanceOfAssertFactories.list(Recipient.class));
  }
}
