package org.smtpunit.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.smtpunit.DeliveryStatusNotification.Action.DELAYED;
import static org.smtpunit.DeliveryStatusNotification.Action.DELIVERED;
import static org.smtpunit.DeliveryStatusNotification.Action.FAILED;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.smtpunit.DeliveryStatusNotification;
import org.smtpunit.ReceivedHop;
import org.smtpunit.ReceivedMessage;

/** Assertions on who sent a message and on parsed DSNs (issue #16 items 3 and 4). */
class ProvenanceAndDsnAssertionsTest {

  /** The walkthrough's message: no From header, as Postfix stored it for kate. */
  private static final ReceivedMessage WALKTHROUGH =
      new ReceivedMessage(
          "Return-Path: <chris@contoso.com>\r\nSubject: Test from Contoso\r\n\r\n"
              + "This is a test message\r\n",
          List.of("kate@fabrikam.com"));

  private static ReceivedMessage resource(String name) throws IOException {
    try (InputStream in = ProvenanceAndDsnAssertionsTest.class.getResourceAsStream(name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new ReceivedMessage(text.replace("\n", "\r\n"), List.of("chris@contoso.com"));
    }
  }

  @Test
  void hasSender_checks_the_envelope_sender_not_the_from_header() {
    assertThat(WALKTHROUGH)
        .hasSender("chris@contoso.com")
        .hasSender("<Chris@Contoso.com>")
        .receivedHops()
        .isEmpty();

    AssertionFailedError failure =
        (AssertionFailedError)
            catchThrowable(() -> assertThat(WALKTHROUGH).hasSender("kate@fabrikam.com"));
    assertThat(failure)
        .hasMessage(
            String.format(
                "%nExpecting message delivered to [kate@fabrikam.com]:%n"
                    + "  Return-Path: <chris@contoso.com>%n  Subject: Test from Contoso%n  %n"
                    + "  This is a test message%n"
                    + "to have envelope sender (Return-Path):%n  <kate@fabrikam.com>%n"
                    + "but its envelope sender is <chris@contoso.com>"));
    assertThat(failure.getActual().getValue()).isEqualTo("<chris@contoso.com>");
    assertThat(failure.getExpected().getValue()).isEqualTo("<kate@fabrikam.com>");
  }

  @Test
  void isFrom_says_it_reads_the_from_header_and_shows_the_envelope_sender() {
    assertThatThrownBy(() -> assertThat(WALKTHROUGH).isFrom("chris@contoso.com"))
        .hasMessageEndingWith(
            String.format(
                "to have a From header containing:%n  chris@contoso.com%n"
                    + "but it has no From header (the envelope sender, Return-Path, is"
                    + " <chris@contoso.com>; hasSender checks that)"));
  }

  @Test
  void the_null_sender_of_a_dsn_is_asserted_as_empty_angle_brackets() throws IOException {
    ReceivedMessage bounce =
        new ReceivedMessage("Return-Path: <>\r\n\r\nx", List.of("chris@contoso.com"));
    assertThat(bounce).hasSender("<>").hasSender("");
    assertThatThrownBy(() -> assertThat(resource("/dsn/postfix-failed.eml")).hasSender("<>"))
        .hasMessageEndingWith("but it has no Return-Path");
  }

  @Test
  void hasAuthenticationResult_finds_the_method_and_result() {
    ReceivedMessage message =
        new ReceivedMessage(
            "Authentication-Results: mx.fabrikam.com; spf=pass smtp.mailfrom=contoso.com;"
                + " dkim=fail header.d=contoso.com\r\n\r\nx",
            List.of("kate@fabrikam.com"));

    assertThat(message)
        .hasAuthenticationResult("SPF", "Pass")
        .hasAuthenticationResult("dkim", "fail");
    assertThat(message).authenticationResults().hasSize(2);
    assertThatThrownBy(() -> assertThat(message).hasAuthenticationResult("dmarc", "pass"))
        .hasMessageEndingWith(
            String.format(
                "to have authentication result:%n  dmarc=pass%n"
                    + "but its results are [spf=pass, dkim=fail]"));
    assertThatThrownBy(() -> assertThat(WALKTHROUGH).hasAuthenticationResult("spf", "pass"))
        .hasMessageEndingWith("but it has no Authentication-Results");
  }

  @Test
  void received_hops_navigate_to_a_list() throws IOException {
    assertThat(resource("/dsn/postfix-delivered.eml"))
        .receivedHops()
        .extracting(ReceivedHop::by)
        .containsExactly(Optional.of("sink.contoso.com"), Optional.of("mail1.fabrikam.com"));
  }

  @Test
  void dsn_assertions_chain_from_envelope_id_to_recipient_action() throws IOException {
    DeliveryStatusNotification delivered =
        DeliveryStatusNotification.parse(resource("/dsn/postfix-delivered.eml"));
    DeliveryStatusNotification failed =
        DeliveryStatusNotification.parse(resource("/dsn/postfix-failed.eml"));

    assertThat(delivered)
        .hasEnvelopeId("QQ-delivered-001")
        .hasReportingMta("mail1.fabrikam.com")
        .recipient("kate@fabrikam.com")
        .hasAction(DELIVERED)
        .hasStatus("2.0.0")
        .hasOriginalRecipient("kate@fabrikam.com");
    assertThat(failed)
        .recipient("someone@example.org")
        .hasAction(FAILED)
        .hasStatusStartingWith("5.1")
        .hasRemoteMta("127.0.0.4")
        .hasDiagnosticCodeContaining("User unknown");
    assertThat(failed).recipients().hasSize(1);
  }

  @Test
  void dsn_failures_show_the_report_and_carry_a_diff() throws IOException {
    DeliveryStatusNotification delivered =
        DeliveryStatusNotification.parse(resource("/dsn/postfix-delivered.eml"));

    AssertionFailedError action =
        (AssertionFailedError)
            catchThrowable(
                () -> assertThat(delivered).recipient("kate@fabrikam.com").hasAction(DELAYED));
    assertThat(action)
        .hasMessage(
            String.format(
                "[recipient kate@fabrikam.com] %nExpecting report on recipient:%n"
                    + "  kate@fabrikam.com: delivered 2.0.0 (delivery via virtual: delivered to"
                    + " maildir)%nto have action:%n  DELAYED%nbut it has DELIVERED"));
    assertThat(action.getActual().getValue()).isEqualTo(DELIVERED);
    assertThat(action.getExpected().getValue()).isEqualTo(DELAYED);

    assertThatThrownBy(() -> assertThat(delivered).hasEnvelopeId("QQ-other"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            String.format(
                "%nExpecting delivery status notification:%n"
                    + "  DSN from mail1.fabrikam.com, envelope id QQ-delivered-001%n"
                    + "  kate@fabrikam.com: delivered 2.0.0 (delivery via virtual: delivered to"
                    + " maildir)%nto have envelope id:%n  QQ-other%nbut it has QQ-delivered-001"));
    assertThatThrownBy(() -> assertThat(delivered).recipient("nobody@fabrikam.com"))
        .hasMessageEndingWith(
            String.format(
                "to report on recipient:%n  nobody@fabrikam.com%n"
                    + "but it reports on [kate@fabrikam.com]"));
  }

  @Test
  void soft_assertions_collect_dsn_and_sender_failures() throws IOException {
    DeliveryStatusNotification delivered =
        DeliveryStatusNotification.parse(resource("/dsn/postfix-delivered.eml"));
    SmtpSoftAssertions softly = new SmtpSoftAssertions();
    softly
        .assertThat(delivered)
        .hasEnvelopeId("x")
        .recipient("kate@fabrikam.com")
        .hasAction(FAILED);
    softly
        .assertThat(WALKTHROUGH)
        .hasSender("kate@fabrikam.com")
        .hasAuthenticationResult("spf", "pass");

    assertThat(softly.errorsCollected())
        .extracting(Throwable::getMessage)
        .hasSize(4)
        .anySatisfy(m -> assertThat(m).contains("to have envelope id"))
        .anySatisfy(m -> assertThat(m).contains("to have action"))
        .anySatisfy(m -> assertThat(m).contains("to have envelope sender"))
        .anySatisfy(m -> assertThat(m).contains("to have authentication result"));
  }
}
