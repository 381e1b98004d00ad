package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smtpunit.DeliveryStatusNotification.Action;
import org.smtpunit.DeliveryStatusNotification.Recipient;

/**
 * RFC 3464 notifications as values, from DSNs the real Postfix of {@code src/it} generated (see
 * {@code src/test/resources/dsn/README.md}) and from malformed reports.
 */
class DeliveryStatusNotificationTest {

  private static DeliveryStatusNotification parse(String resource) {
    return DeliveryStatusNotification.parse(Fixtures.message(resource, "chris@contoso.com"));
  }

  private static ReceivedMessage report(String contentType, String body) {
    return new ReceivedMessage(
        Fixtures.crlf("Subject: report\nContent-Type: " + contentType + "\n\n" + body),
        List.of("chris@contoso.com"));
  }

  private static final String STATUS =
      "Reporting-MTA: dns; mail1.fabrikam.com\n\nFinal-Recipient: rfc822; kate@fabrikam.com\n"
          + "Action: delivered\nStatus: 2.0.0\n";

  private static String multipart(String statusPart) {
    return "preamble\n--B\nContent-Type: text/plain\n\nhuman text\n--B\n"
        + statusPart
        + "\n--B--\n";
  }

  @Test
  void reads_postfixs_delivered_notification() {
    DeliveryStatusNotification dsn = parse("/dsn/postfix-delivered.eml");

    assertThat(dsn.envelopeId()).contains("QQ-delivered-001");
    assertThat(dsn.reportingMta()).isEqualTo("mail1.fabrikam.com");
    assertThat(dsn.recipients())
        .containsExactly(
            new Recipient(
                "kate@fabrikam.com",
                Optional.of("kate@fabrikam.com"),
                Action.DELIVERED,
                EnhancedStatus.parse("2.0.0"),
                Optional.of("delivery via virtual: delivered to maildir"),
                Optional.empty()));
  }

  @Test
  void reads_postfixs_failed_notification_with_the_remote_servers_words_unfolded() {
    Recipient someone =
        parse("/dsn/postfix-failed.eml").recipient("someone@example.org").orElseThrow();

    assertThat(someone.action()).isEqualTo(Action.FAILED);
    assertThat(someone.status()).isEqualTo(EnhancedStatus.parse("5.1.1"));
    assertThat(someone.remoteMta()).contains("127.0.0.4");
    assertThat(someone.diagnosticCode())
        .contains("550 5.1.1 <someone@example.org>: Recipient address rejected: User unknown");
  }

  @Test
  void reads_postfixs_delay_warnings() {
    Recipient deferred = parse("/dsn/postfix-delayed.eml").recipients().get(0);
    Recipient refused = parse("/dsn/postfix-delayed-connection-refused.eml").recipients().get(0);

    assertThat(deferred.action()).isEqualTo(Action.DELAYED);
    assertThat(deferred.status()).isEqualTo(EnhancedStatus.parse("4.3.0"));
    assertThat(deferred.remoteMta()).contains("127.0.0.5");
    assertThat(refused.status()).isEqualTo(EnhancedStatus.parse("4.4.1"));
    assertThat(refused.remoteMta()).isEmpty();
    assertThat(refused.diagnosticCode())
        .contains("connect to 127.0.0.5[127.0.0.5]:25: Connection refused");
  }

  @Test
  void reads_lf_only_text_and_a_base64_encoded_report_part() {
    ReceivedMessage lf =
        new ReceivedMessage(
            Fixtures.text("/dsn/postfix-delivered.eml"), List.of("chris@contoso.com"));
    String encoded =
        Base64.getMimeEncoder().encodeToString(STATUS.getBytes(StandardCharsets.US_ASCII));
    ReceivedMessage base64 =
        report(
            "multipart/report; boundary=B; report-type=\"Delivery-Status\"",
            multipart(
                "Content-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n"
                    + encoded));

    assertThat(DeliveryStatusNotification.parse(lf).envelopeId()).contains("QQ-delivered-001");
    assertThat(DeliveryStatusNotification.parse(base64).recipients())
        .extracting(Recipient::action)
        .containsExactly(Action.DELIVERED);
    assertThat(DeliveryStatusNotification.parse(base64).envelopeId()).isEmpty();
  }

  @Test
  void a_message_that_is_not_a_dsn_is_refused_naming_what_it_is() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                DeliveryStatusNotification.parse(
                    Fixtures.message("/mail/postfix-maildir-kate.eml", "kate@fabrikam.com")))
        .withMessage(
            "Not a delivery status notification (RFC 3464 multipart/report;"
                + " report-type=delivery-status): it is text/plain"
                + " (message with subject \"dsn delivered\")");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                DeliveryStatusNotification.parse(
                    report(
                        "multipart/report; report-type=disposition-notification; boundary=B",
                        multipart("Content-Type: message/disposition-notification\n\nx"))))
        .withMessageContaining(
            ": it is a multipart/report with report-type=disposition-notification");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> DeliveryStatusNotification.parse(report("multipart/mixed; boundary=B", "")))
        .withMessageContaining(": it is multipart/mixed (message");
  }

  @Test
  void a_malformed_report_is_refused_naming_the_fault() {
    assertThat(malformed(report("multipart/report; report-type=delivery-status", "")))
        .isEqualTo("its Content-Type has no boundary");
    assertThat(
            malformed(
                report(
                    "multipart/report; report-type=delivery-status; boundary=B",
                    multipart("Content-Type: text/plain\n\nx"))))
        .isEqualTo("it has no message/delivery-status part");
    assertThat(
            malformed(
                withStatus(
                    "Final-Recipient: rfc822; kate@fabrikam.com\nAction: delivered\nStatus: 2.0.0\n")))
        .isEqualTo("it has no Reporting-MTA field");
    assertThat(malformed(withStatus("Reporting-MTA: dns; mail1.fabrikam.com\n")))
        .isEqualTo("it reports on no recipient");
    assertThat(malformed(withStatus(STATUS.replace("Action: delivered\n", ""))))
        .isEqualTo("recipient 1 has no Action field");
    assertThat(
            malformed(
                withStatus(STATUS.replace("Final-Recipient: rfc822; kate@fabrikam.com\n", ""))))
        .isEqualTo("recipient 1 has no Final-Recipient field");
    assertThat(malformed(withStatus(STATUS.replace("delivered", "bounced"))))
        .isEqualTo(
            "recipient 1 has an unknown Action [bounced]: expected"
                + " [delivered, failed, delayed, relayed, expanded]");
    assertThat(malformed(withStatus(STATUS.replace("2.0.0", "250"))))
        .isEqualTo("recipient 1 has a Status that is not x.y.z [250]");
    assertThat(malformed(withStatus(""))).isEqualTo("its delivery-status part is empty");
  }

  private static ReceivedMessage withStatus(String status) {
    return report(
        "multipart/report; report-type=delivery-status; boundary=B",
        multipart("Content-Type: message/delivery-status\n\n" + status));
  }

  private static String malformed(ReceivedMessage message) {
    Throwable failure =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> DeliveryStatusNotification.parse(message));
    assertThat(failure)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Malformed delivery status notification: ")
        .hasMessageEndingWith(" (message with subject \"report\")");
    String text = failure.getMessage();
    return text.substring(
        "Malformed delivery status notification: ".length(),
        text.length() - " (message with subject \"report\")".length());
  }
}
