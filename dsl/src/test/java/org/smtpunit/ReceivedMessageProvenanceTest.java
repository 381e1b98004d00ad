package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Who sent a received message and how it travelled: the envelope sender from Return-Path, the
 * Received chain and RFC 8601 Authentication-Results (issue #16 item 3).
 */
class ReceivedMessageProvenanceTest {

  private static final ReceivedMessage POSTFIX_DELIVERY =
      Fixtures.message("/mail/postfix-maildir-kate.eml", "kate@fabrikam.com");

  @Test
  void sender_is_the_return_path_postfix_wrote_at_final_delivery() {
    assertThat(POSTFIX_DELIVERY.sender()).contains("chris@contoso.com");
    assertThat(POSTFIX_DELIVERY.from()).isEqualTo("Chris <chris@contoso.com>");
  }

  @Test
  void sender_of_a_bounce_is_the_null_sender_and_unknown_without_return_path() {
    ReceivedMessage bounce =
        new ReceivedMessage(
            "Return-Path: <>\r\nSubject: x\r\n\r\nbody", List.of("chris@contoso.com"));
    ReceivedMessage plain =
        new ReceivedMessage("Subject: x\r\n\r\nbody", List.of("kate@fabrikam.com"));

    assertThat(bounce.sender()).contains("");
    assertThat(plain.sender()).isEmpty();
  }

  @Test
  void received_hops_read_postfixs_stamp_with_from_by_with_and_timestamp() {
    assertThat(POSTFIX_DELIVERY.receivedHops())
        .singleElement()
        .satisfies(
            hop -> {
              assertThat(hop.from()).contains("contoso.com");
              assertThat(hop.by()).contains("mail1.fabrikam.com");
              assertThat(hop.with()).contains("ESMTP");
              assertThat(hop.timestamp()).contains(Instant.parse("2026-11-30T01:50:14Z"));
              assertThat(hop.value()).startsWith("from contoso.com (unknown [127.0.0.1]) by");
            });
  }

  @Test
  void received_hops_are_listed_newest_first_and_tolerate_missing_parts() {
    ReceivedMessage dsn = Fixtures.message("/dsn/postfix-delivered.eml", "chris@contoso.com");

    assertThat(dsn.receivedHops())
        .extracting(ReceivedHop::by)
        .containsExactly(Optional.of("sink.contoso.com"), Optional.of("mail1.fabrikam.com"));
    assertThat(dsn.receivedHops().get(1).from()).isEmpty();
    assertThat(ReceivedHop.parse("from x by y; not a date").timestamp()).isEmpty();
    assertThat(ReceivedHop.parse("garbage").by()).isEmpty();
  }

  @Test
  void greenmail_records_the_envelope_sender_and_a_hop() throws Exception {
    GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
    try {
      SmtpClient client = SmtpClient.builder().replyTimeout(Duration.ofSeconds(10)).build();
      try (SmtpSession smtp = client.open("127.0.0.1", greenMail.getSmtp().getPort())) {
        smtp.ehlo("contoso.com");
        smtp.mailFrom("chris@contoso.com");
        smtp.rcptTo("kate@fabrikam.com");
        smtp.data();
        smtp.content(MailMessage.raw("Subject: no From header\r\n\r\nThis is a test message"));
        smtp.quit();
      }
      assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
      MimeMessage stored = greenMail.getReceivedMessages()[0];
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      stored.writeTo(raw);
      ReceivedMessage message =
          new ReceivedMessage(raw.toString(StandardCharsets.UTF_8), List.of("kate@fabrikam.com"));

      assertThat(message.sender()).contains("chris@contoso.com");
      assertThat(message.from()).isEmpty();
      assertThat(message.receivedHops())
          .singleElement()
          .satisfies(
              hop -> {
                assertThat(hop.from()).contains("127.0.0.1");
                assertThat(hop.timestamp()).isPresent();
              });
    } finally {
      greenMail.stop();
    }
  }

  @Test
  void authentication_results_are_read_per_rfc_8601() {
    ReceivedMessage message =
        new ReceivedMessage(
            "Authentication-Results: mx.fabrikam.com 1; spf=pass (sender IP is 192.0.2.1)\r\n"
                + " smtp.mailfrom=contoso.com;\r\n"
                + "  dkim=pass (2048-bit key) header.d=contoso.com header.s=sel1;\r\n"
                + "  dmarc=FAIL reason=\"p = reject; quoted\" header.from=contoso.com\r\n"
                + "Authentication-Results: relay.fabrikam.com; dkim/1 = fail header.d=x.example\r\n"
                + "Authentication-Results: other.example; none\r\n"
                + "Subject: x\r\n\r\nbody",
            List.of("kate@fabrikam.com"));

    assertThat(message.authenticationResults())
        .extracting(
            AuthenticationResult::authservId,
            AuthenticationResult::method,
            AuthenticationResult::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mx.fabrikam.com", "spf", "pass"),
            org.assertj.core.groups.Tuple.tuple("mx.fabrikam.com", "dkim", "pass"),
            org.assertj.core.groups.Tuple.tuple("mx.fabrikam.com", "dmarc", "fail"),
            org.assertj.core.groups.Tuple.tuple("relay.fabrikam.com", "dkim", "fail"));
    AuthenticationResult spf = message.authenticationResults().get(0);
    assertThat(spf.properties()).isEqualTo(Map.of("smtp.mailfrom", "contoso.com"));
    assertThat(message.authenticationResults().get(1).properties())
        .containsEntry("header.d", "contoso.com")
        .containsEntry("header.s", "sel1");
    assertThat(message.authenticationResults().get(2).reason()).contains("p = reject; quoted");
    assertThat(AuthenticationResult.parse("")).isEmpty();
  }

  @Test
  void headers_lists_every_field_of_a_name_in_order() {
    ReceivedMessage dsn = Fixtures.message("/dsn/postfix-failed.eml", "chris@contoso.com");

    assertThat(dsn.headers("received")).hasSize(2);
    assertThat(dsn.headers("X-Nothing")).isEmpty();
    assertThat(dsn.header("Content-Type"))
        .contains(
            "multipart/report; report-type=delivery-status;"
                + " boundary=\"4AC712181B9.1796003414/mail1.fabrikam.com\"");
  }
}
