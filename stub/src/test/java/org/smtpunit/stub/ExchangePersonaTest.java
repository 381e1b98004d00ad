package org.smtpunit.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpunit.MailMessage;
import org.smtpunit.RcptParameter;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;

/** The walkthrough against {@link Persona#EXCHANGE_2013}: the seed's replies, verbatim. */
class ExchangePersonaTest {

  private static final SmtpClient CLIENT =
      SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).build();

  private final SmtpStub stub = SmtpStub.start(Persona.EXCHANGE_2013);

  @AfterEach
  void close() {
    stub.close();
  }

  @Test
  void the_walkthrough_gets_exchanges_replies_verbatim() {
    try (SmtpSession smtp = CLIENT.open(stub.host(), stub.port())) {
      assertThat(smtp.greeting().toString())
          .matches(
              "220 mail1\\.fabrikam\\.com Microsoft ESMTP MAIL Service ready at"
                  + " \\w{3}, \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}");
      assertThat(smtp.ehlo("contoso.com").reply().lines().get(0))
          .isEqualTo("mail1.fabrikam.com Hello [127.0.0.1]");
      assertThat(smtp.mailFrom("chris@contoso.com").toString()).isEqualTo("250 2.1.0 Sender OK");
      assertThat(
              smtp.rcptTo(
                      "kate@fabrikam.com",
                      RcptParameter.notify(
                          org.smtpunit.Notify.SUCCESS, org.smtpunit.Notify.FAILURE))
                  .toString())
          .isEqualTo("250 2.1.5 Recipient OK");
      assertThat(smtp.data().toString()).isEqualTo("354 Start mail input; end with <CRLF>.<CRLF>");
      assertThat(
              smtp.content(
                      MailMessage.raw(
                          "Subject: Test from Contoso\r\n\r\nThis is a test message\r\n"))
                  .toString())
          .matches("250 2\\.6\\.0 <[0-9a-f-]{36}@mail1\\.fabrikam\\.com> Queued mail for delivery");
      assertThat(smtp.quit().toString())
          .isEqualTo("221 2.0.0 Service closing transmission channel");
    }
    StubMessage message = stub.awaitMessages(1, Duration.ofSeconds(5)).get(0);
    assertThat(message.sender()).isEqualTo("chris@contoso.com");
    assertThat(message.recipients().get(0).parameters()).containsEntry("NOTIFY", "SUCCESS,FAILURE");
    assertThat(message.asReceivedMessage().subject()).isEqualTo("Test from Contoso");
  }

  @Test
  void step_4_errors_answer_the_input_that_provokes_them() {
    try (SmtpSession smtp = CLIENT.open(stub.host(), stub.port())) {
      assertThat(smtp.command("BOGUS")).hasCode(500).hasEnhancedStatus("5.3.3");
      assertThat(smtp.command("EHLO contoso_com!").toString())
          .isEqualTo("501 5.5.4 Invalid domain name");
      smtp.ehlo("contoso.com");
      assertThat(smtp.command("MAIL FROM:chris.contoso.com").toString())
          .isEqualTo("550 5.1.7 Invalid address");
      smtp.mailFrom("chris@contoso.com");
      assertThat(smtp.rcptTo("nobody@fabrikam.com").toString()).isEqualTo("550 5.1.1 User unknown");
      assertThat(smtp.rcptTo("postmaster@fabrikam.com")).hasCode(250);
      assertThat(smtp.rcptTo("someone@elsewhere.example")).hasCode(250);
    }
  }

  @Test
  void mail_before_auth_gets_530_5_7_1_once_authentication_is_required() {
    stub.requireAuthentication();
    try (SmtpSession smtp = CLIENT.open(stub.host(), stub.port())) {
      smtp.ehlo("contoso.com");
      assertThat(smtp.mailFrom("chris@contoso.com").toString())
          .isEqualTo("530 5.7.1 Client was not authenticated");
    }
  }

  @Test
  void rules_override_the_persona() {
    stub.on(SmtpVerb.RCPT).matching("kate@").reply("452 4.2.2 Mailbox full");
    try (SmtpSession smtp = CLIENT.open(stub.host(), stub.port())) {
      smtp.ehlo("contoso.com");
      smtp.mailFrom("chris@contoso.com");
      assertThat(smtp.rcptTo("kate@fabrikam.com")).hasCode(452).hasEnhancedStatus("4.2.2");
      assertThat(smtp.rcptTo("nobody@fabrikam.com")).hasCode(550);
    }
  }
}
