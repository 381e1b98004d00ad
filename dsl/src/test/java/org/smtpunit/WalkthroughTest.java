package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.Notify.FAILURE;
import static org.smtpunit.Notify.SUCCESS;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testserver.WalkthroughScript;

/**
 * Steps 3 and 4 of the walkthrough, line by line: against GreenMail, a real SMTP server, for the
 * success path, and against a scripted server that answers with the walkthrough's exact replies.
 */
class WalkthroughTest {

  private static final SmtpClient CLIENT =
      SmtpClient.builder()
          .connectTimeout(Duration.ofSeconds(20))
          .replyTimeout(Duration.ofSeconds(10))
          .build();

  private static final MailMessage TEST_MESSAGE =
      MailMessage.raw("Subject:Test from Contoso\r\n\r\nThis is a test message");

  @Nested
  class AgainstGreenMail {
    private GreenMail greenMail;

    @BeforeEach
    void start() {
      greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      greenMail.start();
    }

    @AfterEach
    void stop() {
      greenMail.stop();
    }

    @Test
    void replays_the_walkthrough_and_the_message_arrives() throws Exception {
      try (SmtpSession smtp = CLIENT.open("127.0.0.1", greenMail.getSmtp().getPort())) {
        assertThat(smtp.greeting()).hasCode(220);
        assertThat(smtp.ehlo("contoso.com")).isSuccess().hasCode(250);
        assertThat(smtp.mailFrom("chris@contoso.com")).isPositiveCompletion().hasCode(250);
        assertThat(smtp.rcptTo("kate@fabrikam.com")).isPositiveCompletion().hasCode(250);
        assertThat(smtp.data()).isPositiveIntermediate().isSuccess().hasCode(354);
        assertThat(smtp.content(TEST_MESSAGE)).isPositiveCompletion().hasCode(250);
        assertThat(smtp.quit()).hasCode(221);
      }

      assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
      MimeMessage[] received = greenMail.getReceivedMessages();
      assertThat(received).hasSize(1);
      assertThat(received[0].getSubject()).isEqualTo("Test from Contoso");
      assertThat(((String) received[0].getContent()).trim()).isEqualTo("This is a test message");
    }
  }

  @Nested
  class AgainstTheWalkthroughsReplies {
    private ScriptedSmtpServer server;
    private SmtpSession smtp;

    @BeforeEach
    void open() {
      server = ScriptedSmtpServer.start(new WalkthroughScript());
      smtp = CLIENT.open(server.host(), server.port());
    }

    @AfterEach
    void close() {
      smtp.close();
      server.close();
    }

    @Test
    void replays_step_3_exactly_and_asserts_every_reply() {
      assertThat(smtp.greeting())
          .hasCode(220)
          .hasTextContaining("mail1.fabrikam.com Microsoft ESMTP MAIL Service ready");
      assertThat(smtp.ehlo("contoso.com"))
          .hasCode(250)
          .hasTextContaining("mail1.fabrikam.com Hello")
          .supports("DSN")
          .supportsAuthMechanism("LOGIN")
          .hasMaxSizeAtLeast(10_000_000);
      assertThat(smtp.mailFrom("chris@contoso.com")).hasCode(250).hasEnhancedStatus("2.1.0");
      assertThat(smtp.rcptTo("kate@fabrikam.com", RcptParameter.notify(SUCCESS, FAILURE)))
          .hasCode(250)
          .hasEnhancedStatus("2.1.5");
      assertThat(smtp.data()).hasCode(354).hasTextContaining("Start mail input");
      assertThat(smtp.content(TEST_MESSAGE))
          .hasCode(250)
          .hasEnhancedStatus("2.6.0")
          .hasTextMatching("2\\.6\\.0 <[^>]+> Queued mail for delivery");
      assertThat(smtp.quit()).hasCode(221).hasEnhancedStatus("2.0.0");

      server.conversation().awaitClientClose();
      assertThat(server.conversation().lines())
          .containsExactly(
              "EHLO contoso.com",
              "MAIL FROM:<chris@contoso.com>",
              "RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE",
              "DATA",
              "Subject:Test from Contoso",
              "",
              "This is a test message",
              ".",
              "QUIT");
      assertThat(smtp.transcript())
          .containsCommand("RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE")
          .containsReplyCode(354);
    }

    @Test
    void step_4_invalid_ehlo_domain_gets_501_5_5_4() {
      assertThat(smtp.ehlo("contoso!com"))
          .isPermanentNegative()
          .hasCode(501)
          .hasEnhancedStatus("5.5.4")
          .hasTextContaining("Invalid domain name");
    }

    @Test
    void step_4_invalid_sender_gets_550_5_1_7() {
      smtp.ehlo("contoso.com");
      assertThat(smtp.mailFrom("chris"))
          .isNegative()
          .hasCode(550)
          .hasEnhancedStatus("5.1.7")
          .hasTextContaining("Invalid address");
    }

    @Test
    void step_4_unknown_user_gets_550_5_1_1() {
      smtp.ehlo("contoso.com");
      smtp.mailFrom("chris@contoso.com");
      assertThat(smtp.rcptTo("nobody@fabrikam.com"))
          .hasCode(550)
          .hasEnhancedStatus("5.1.1")
          .hasTextContaining("User unknown");
    }

    @Test
    void step_4_unknown_command_gets_500_5_3_3() {
      assertThat(smtp.command("EHOL contoso.com"))
          .hasCode(500)
          .hasEnhancedStatus("5.3.3")
          .hasTextContaining("Unrecognized command");
    }

    @Test
    void commands_out_of_order_are_sent_as_asked() {
      assertThat(smtp.rcptTo("kate@fabrikam.com")).hasCode(250);
      assertThat(smtp.vrfy("kate")).hasCode(252);
      assertThat(smtp.rset()).hasCode(250);
      assertThat(smtp.noop()).hasCode(250).hasEnhancedStatus("2.0.0");
      assertThat(smtp.helo("contoso.com")).hasCode(250);
    }
  }

  @Test
  void step_4_anonymous_sender_gets_530_5_7_1_where_authentication_is_required() {
    try (ScriptedSmtpServer server =
            ScriptedSmtpServer.start(new WalkthroughScript().requiringAuthentication());
        SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");
      assertThat(smtp.mailFrom("chris@contoso.com"))
          .hasCode(530)
          .hasEnhancedStatus("5.7.1")
          .hasTextContaining("Client was not authenticated");
    }
  }
}
