package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testserver.WalkthroughScript;

/** RFC 2920 PIPELINING: one flight of commands, replies matched in order. */
class PipelineTest {

  private static final SmtpClient CLIENT =
      SmtpClient.builder().replyTimeout(Duration.ofSeconds(2)).build();

  private ScriptedSmtpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void sends_the_whole_batch_before_reading_and_matches_each_reply_to_its_command() {
    // The server answers only after it has read all three commands: a client that waited for
    // each reply would time out here.
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.readLine();
              c.readLine();
              c.send(
                  "250 2.1.0 Sender OK\r\n550 5.1.1 User unknown\r\n554 5.5.1 No valid recipients\r\n");
              c.awaitClientClose();
            });
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      List<SmtpReply> replies =
          smtp.pipeline().mailFrom("chris@contoso.com").rcptTo("nobody@fabrikam.com").data().send();

      assertThat(replies).extracting(SmtpReply::code).containsExactly(250, 550, 554);
      assertThat(smtp.transcript().entries())
          .extracting(TranscriptEntry::toString)
          .containsSubsequence(
              " -> MAIL FROM:<chris@contoso.com>",
              " -> RCPT TO:<nobody@fabrikam.com>",
              " -> DATA",
              "<-  250 2.1.0 Sender OK",
              "<-  550 5.1.1 User unknown",
              "<-  554 5.5.1 No valid recipients");
    }
  }

  @Test
  void a_pipelined_walkthrough_transaction_delivers_after_354() {
    server = ScriptedSmtpServer.start(new WalkthroughScript());
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");

      List<SmtpReply> replies =
          smtp.pipeline()
              .mailFrom("chris@contoso.com")
              .rcptTo("kate@fabrikam.com", RcptParameter.notify(Notify.SUCCESS, Notify.FAILURE))
              .data()
              .send();

      assertThat(replies).extracting(SmtpReply::code).containsExactly(250, 250, 354);
      assertThat(smtp.content(MailMessage.raw("Subject:Test from Contoso\r\n\r\nHi")).code())
          .isEqualTo(250);
    }
  }

  @Test
  void the_content_and_quit_go_out_in_one_batch_and_end_the_session() {
    server = ScriptedSmtpServer.start(new WalkthroughScript());
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");
      smtp.pipeline().mailFrom("chris@contoso.com").rcptTo("kate@fabrikam.com").data().send();

      List<SmtpReply> replies =
          smtp.pipeline()
              .content(MailMessage.raw("Subject: Test from Contoso\r\n\r\nHi"))
              .quit()
              .send();

      assertThat(replies).extracting(SmtpReply::code).containsExactly(250, 221);
      assertThat(smtp.isOpen()).isFalse();
      assertThat(smtp.awaitingContent()).isFalse();
      assertThat(smtp.transcript().entries())
          .filteredOn(e -> e.direction() == TranscriptEntry.Direction.SENT)
          .extracting(TranscriptEntry::line)
          .endsWith("Hi", ".", "QUIT");
    }
  }

  @Test
  void the_content_can_open_the_next_transaction_s_batch() {
    server = ScriptedSmtpServer.start(new WalkthroughScript());
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");
      smtp.pipeline().mailFrom("chris@contoso.com").rcptTo("kate@fabrikam.com").data().send();

      List<SmtpReply> replies =
          smtp.pipeline()
              .content(MailMessage.raw("Subject: first\r\n\r\nOne"))
              .mailFrom("chris@contoso.com")
              .rcptTo("kate@fabrikam.com")
              .data()
              .send();

      assertThat(replies).extracting(SmtpReply::code).containsExactly(250, 250, 250, 354);
      assertThat(smtp.awaitingContent()).isTrue();
      assertThat(smtp.content(MailMessage.raw("Subject: second\r\n\r\nTwo")).code()).isEqualTo(250);
      assertThat(server.conversation().lines()).filteredOn("DATA"::equals).hasSize(2);
    }
  }

  @Test
  void a_real_server_takes_the_message_and_quit_pipelined_after_it() throws Exception {
    GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
    try (SmtpSession smtp = CLIENT.open("127.0.0.1", greenMail.getSmtp().getPort())) {
      smtp.ehlo("contoso.com");
      smtp.pipeline().mailFrom("chris@contoso.com").rcptTo("kate@fabrikam.com").data().send();

      List<SmtpReply> replies =
          smtp.pipeline()
              .content(MailMessage.raw("Subject: pipelined\r\n\r\n.dot-stuffed line"))
              .quit()
              .send();

      assertThat(replies).extracting(SmtpReply::code).containsExactly(250, 221);
      assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
      assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("pipelined");
      assertThat(((String) greenMail.getReceivedMessages()[0].getContent()).strip())
          .isEqualTo(".dot-stuffed line");
    } finally {
      greenMail.stop();
    }
  }

  @Test
  void the_content_must_open_a_batch_and_quit_must_close_it() {
    server = ScriptedSmtpServer.start(new WalkthroughScript());
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      MailMessage message = MailMessage.raw("Subject: x\r\n\r\nx");
      assertThatIllegalStateException()
          .isThrownBy(() -> smtp.pipeline().noop().content(message))
          .withMessage("The content must open a pipelined batch, once (RFC 2920 §3.1)");
      assertThatIllegalStateException()
          .isThrownBy(() -> smtp.pipeline().quit().noop())
          .withMessage("QUIT must be the last command of a pipelined batch (RFC 2920 §3.1)");
    }
  }

  @Test
  void refuses_a_bad_argument_before_any_byte_of_the_batch_is_sent() {
    server = ScriptedSmtpServer.start(new WalkthroughScript());
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      Pipeline pipeline = smtp.pipeline().mailFrom("chris@contoso.com");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> pipeline.rcptTo("kate@fabrikam.com\r\nDATA"));
      smtp.close();
      server.conversation().awaitClientClose();
      assertThat(server.conversation().receivedBytes()).isEmpty();
    }
  }

  @Test
  void data_must_close_the_batch_and_a_batch_is_sent_once() {
    server = ScriptedSmtpServer.start(new WalkthroughScript());
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      assertThatIllegalStateException()
          .isThrownBy(() -> smtp.pipeline().data().noop())
          .withMessage("DATA must be the last command of a pipelined batch (RFC 2920 §3.1)");
      Pipeline once = smtp.pipeline().noop();
      once.send();
      assertThatIllegalStateException().isThrownBy(once::send);
      assertThatIllegalStateException().isThrownBy(() -> smtp.pipeline().send());
    }
  }

  @Test
  void stops_reading_after_a_421_and_returns_the_replies_so_far() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("421 4.3.2 Shutting down\r\n");
            });
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      List<SmtpReply> replies = smtp.pipeline().mailFrom("a@b.c").rcptTo("d@e.f").send();

      assertThat(replies).extracting(SmtpReply::code).containsExactly(421);
      assertThat(smtp.isOpen()).isFalse();
    }
  }
}
