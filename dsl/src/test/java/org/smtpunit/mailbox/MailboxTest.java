package org.smtpunit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smtpunit.Credentials;
import org.smtpunit.MailMessage;
import org.smtpunit.ReceivedMessage;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.TlsMode;
import org.smtpunit.TranscriptEntry;

/** Send over SMTP, read back over IMAP and POP3 from a real server (GreenMail) by Message-ID. */
class MailboxTest {

  private static final String PASSWORD = "Kate-Secret-7";
  private static final Credentials KATE = Credentials.of("kate@fabrikam.com", PASSWORD);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private GreenMail greenMail;

  @BeforeEach
  void start() {
    greenMail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3),
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS)
            });
    greenMail.start();
    greenMail.setUser("kate@fabrikam.com", "kate@fabrikam.com", PASSWORD);
  }

  @AfterEach
  void stop() {
    greenMail.stop();
  }

  private MailMessage send(String subject) {
    MailMessage message =
        MailMessage.builder()
            .from("chris@contoso.com")
            .to("kate@fabrikam.com")
            .subject(subject)
            .body("This is a test message")
            .build();
    try (SmtpSession smtp =
        SmtpClient.defaults().open("127.0.0.1", greenMail.getSmtp().getPort())) {
      smtp.ehlo("contoso.com");
      smtp.mailFrom("chris@contoso.com");
      smtp.rcptTo("kate@fabrikam.com");
      assertThat(smtp.send(message).code()).isEqualTo(250);
      smtp.quit();
    }
    return message;
  }

  private Mailbox.Builder imap() {
    return Mailbox.imap("127.0.0.1", greenMail.getImap().getPort()).timeout(WAIT);
  }

  private Mailbox.Builder pop3() {
    return Mailbox.pop3("127.0.0.1", greenMail.getPop3().getPort()).timeout(WAIT);
  }

  @Test
  void reads_the_sent_message_back_over_imap_by_its_message_id() {
    send("Other message");
    MailMessage sent = send("Test from Contoso");

    try (Mailbox inbox = imap().allowPlaintextAuth(true).login(KATE)) {
      ReceivedMessage received = inbox.awaitMessage(MessageQuery.messageId(sent.messageId()), WAIT);

      assertThat(received.subject()).isEqualTo("Test from Contoso");
      assertThat(received.header("Message-ID")).contains(sent.messageId());
      assertThat(received.body()).startsWith("This is a test message");
      assertThat(received.recipients()).containsExactly("kate@fabrikam.com");
    }
  }

  @Test
  void reads_the_sent_message_back_over_pop3_by_its_message_id_without_brackets() {
    MailMessage sent = send("Test from Contoso");
    String bare = sent.messageId().substring(1, sent.messageId().length() - 1);

    try (Mailbox inbox = pop3().allowPlaintextAuth(true).login(KATE)) {
      assertThat(inbox.awaitMessage(MessageQuery.messageId(bare), WAIT).subject())
          .isEqualTo("Test from Contoso");
    }
  }

  @Test
  void waits_for_a_message_that_arrives_after_the_mailbox_was_opened() throws Exception {
    try (Mailbox inbox = pop3().allowPlaintextAuth(true).login(KATE)) {
      Thread sender = new Thread(() -> send("Late arrival"));
      sender.start();

      ReceivedMessage late = inbox.awaitMessage(MessageQuery.subjectContains("Late"), WAIT);

      sender.join(WAIT.toMillis());
      assertThat(late.subject()).isEqualTo("Late arrival");
    }
  }

  @Test
  void queries_combine_subject_header_and_sent_after() {
    Instant before = Instant.now();
    MailMessage sent = send("Quarterly report");
    send("Lunch");

    try (Mailbox inbox = imap().allowPlaintextAuth(true).login(KATE)) {
      assertThat(
              inbox.messages(
                  MessageQuery.subjectContains("report")
                      .and(MessageQuery.header("From", "chris@contoso.com"))
                      .and(MessageQuery.sentAfter(before))))
          .extracting(m -> m.header("Message-ID").orElseThrow())
          .containsExactly(sent.messageId());
      assertThat(inbox.messages(MessageQuery.sentAfter(before.plusSeconds(3600)))).isEmpty();
    }
  }

  @Test
  void deletes_only_the_matching_messages() {
    MailMessage doomed = send("Delete me");
    MailMessage kept = send("Keep me");

    try (Mailbox inbox = imap().allowPlaintextAuth(true).login(KATE)) {
      assertThat(inbox.delete(MessageQuery.messageId(doomed.messageId()))).isEqualTo(1);

      assertThat(inbox.messages(MessageQuery.messageId(doomed.messageId()))).isEmpty();
      assertThat(inbox.messages(MessageQuery.messageId(kept.messageId()))).hasSize(1);
    }
  }

  @Test
  void deletes_over_pop3_too() {
    MailMessage doomed = send("Delete me over POP3");
    send("Keep me");

    try (Mailbox inbox = pop3().allowPlaintextAuth(true).login(KATE)) {
      assertThat(inbox.delete(MessageQuery.subjectContains("POP3"))).isEqualTo(1);

      assertThat(inbox.messages(MessageQuery.messageId(doomed.messageId()))).isEmpty();
      assertThat(inbox.messages(MessageQuery.subjectContains("Keep"))).hasSize(1);
    }
  }

  @Test
  void refuses_to_log_in_over_plain_text_unless_allowed_and_sends_nothing() {
    assertThatThrownBy(() -> imap().login(KATE))
        .isInstanceOf(MailboxException.class)
        .hasMessageStartingWith(
            "Refusing to log in to imap://127.0.0.1:"
                + greenMail.getImap().getPort()
                + " as kate@fabrikam.com over a connection that is not encrypted")
        .hasMessageContaining("allowPlaintextAuth(true)");
  }

  @Test
  void a_refused_login_is_a_mailbox_exception_whose_transcript_hides_the_password() {
    Credentials wrong = Credentials.of("kate@fabrikam.com", "Wrong-Password-9");

    assertThatThrownBy(() -> imap().allowPlaintextAuth(true).login(wrong))
        .isInstanceOfSatisfying(
            MailboxException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith("Login to imap://127.0.0.1:")
                  .contains("as kate@fabrikam.com was refused")
                  .doesNotContain("Wrong-Password-9");
              assertThat(e.transcript().entries())
                  .extracting(TranscriptEntry::direction)
                  .contains(TranscriptEntry.Direction.RECEIVED);
              assertThat(e.transcript().toString()).doesNotContain("Wrong-Password-9");
            });
  }

  @Test
  void pop3_login_transcript_hides_the_password() {
    try (Mailbox inbox = pop3().allowPlaintextAuth(true).login(KATE)) {
      inbox.messages(MessageQuery.subjectContains("anything"));

      assertThat(inbox.transcript().toString())
          .contains("<-  +OK")
          .doesNotContain(PASSWORD)
          .doesNotContain(java.util.Base64.getEncoder().encodeToString(PASSWORD.getBytes()));
    }
  }

  @Test
  void an_unreachable_host_is_a_mailbox_exception_naming_the_likely_cause() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(
            () -> Mailbox.imap("127.0.0.1", closedPort).allowPlaintextAuth(true).login(KATE))
        .isInstanceOf(MailboxException.class)
        .hasMessageContaining("the connection was refused or could not be made")
        .hasMessageContaining("no IMAP server listens on that port");
  }

  @Test
  void a_message_that_never_arrives_times_out_naming_the_query() {
    send("Something else");

    try (Mailbox inbox = imap().allowPlaintextAuth(true).login(KATE)) {
      assertThatThrownBy(
              () ->
                  inbox.awaitMessage(
                      MessageQuery.messageId("<missing@contoso.com>"), Duration.ofMillis(300)))
          .isInstanceOf(MailboxException.class)
          .hasMessageStartingWith(
              "No message matching [Message-ID <missing@contoso.com>] arrived in INBOX of"
                  + " kate@fabrikam.com at imap://127.0.0.1:")
          .hasMessageContaining("within 300 ms; the folder holds 1 other messages");
    }
  }

  @Test
  void reads_over_implicit_tls_with_the_same_trust_options_as_smtp() {
    MailMessage sent = send("Over TLS");
    int imaps = greenMail.getImaps().getPort();

    assertThatThrownBy(() -> Mailbox.imap("127.0.0.1", imaps).tls(TlsMode.IMPLICIT).login(KATE))
        .isInstanceOf(MailboxException.class)
        .hasMessageContaining("TLS handshake");
    try (Mailbox inbox =
        Mailbox.imap("127.0.0.1", imaps)
            .tls(TlsMode.IMPLICIT)
            .trustAnyCertificateInsecurely()
            .timeout(WAIT)
            .login(KATE)) {
      assertThat(inbox.awaitMessage(MessageQuery.messageId(sent.messageId()), WAIT).subject())
          .isEqualTo("Over TLS");
    }
  }
}
