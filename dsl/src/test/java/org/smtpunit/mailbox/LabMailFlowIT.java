package org.smtpunit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smtpunit.Credentials;
import org.smtpunit.EhloReply;
import org.smtpunit.MailMessage;
import org.smtpunit.ReceivedMessage;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpReply;
import org.smtpunit.SmtpSession;
import org.smtpunit.TlsMode;

/**
 * Mail flow against the real lab (src/it): send through Postfix as mail1.fabrikam.com, read kate's
 * mail back from Dovecot over IMAP and POP3 by Message-ID; 1 MB over BDAT comes back byte for byte.
 * Run by src/it/dovecot/check.sh with the lab's servers.env in the environment; not part of {@code
 * mvn verify} (the name ends in IT).
 */
class LabMailFlowIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static String smtpHost;
  private static int smtpPort;
  private static Credentials kate;
  private static Path certificate;

  @BeforeAll
  static void lab() {
    String[] target = required("SMTPUNIT_IT_TARGET").split(":");
    smtpHost = target[0];
    smtpPort = Integer.parseInt(target[1]);
    kate = Credentials.of(required("SMTPUNIT_IT_KATE_USER"), required("SMTPUNIT_IT_KATE_PASSWORD"));
    certificate = Path.of(required("SMTPUNIT_IT_CERT"));
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name + " is not set: run through src/it/dovecot/check.sh with the lab started");
    }
    return value;
  }

  private static String host(String variable) {
    return required(variable).split(":")[0];
  }

  private static int port(String variable) {
    return Integer.parseInt(required(variable).split(":")[1]);
  }

  private static Mailbox.Builder verified(Mailbox.Builder builder) {
    return builder
        .trustCertificate(certificate)
        .tlsHostName("mail1.fabrikam.com")
        .timeout(Duration.ofSeconds(30));
  }

  private static MailMessage message(String subject, String body) {
    return MailMessage.builder()
        .from("chris@contoso.com")
        .to("kate@fabrikam.com")
        .subject(subject)
        .body(body)
        .build();
  }

  private static SmtpSession toKate(SmtpSession smtp) {
    assertThat(smtp.ehlo("contoso.com")).isSuccess();
    assertThat(smtp.mailFrom("chris@contoso.com")).hasEnhancedStatus("2.1.0");
    assertThat(smtp.rcptTo("kate@fabrikam.com")).hasEnhancedStatus("2.1.5");
    return smtp;
  }

  @Test
  void a_message_sent_through_postfix_is_read_back_over_imap_with_starttls_by_message_id() {
    MailMessage sent = message("Flow over IMAP", "This is a test message");
    try (SmtpSession smtp = SmtpClient.defaults().open(smtpHost, smtpPort)) {
      assertThat(toKate(smtp).send(sent)).hasCode(250);
      smtp.quit();
    }

    try (Mailbox inbox =
        verified(Mailbox.imap(host("SMTPUNIT_IT_IMAP"), port("SMTPUNIT_IT_IMAP")))
            .tls(TlsMode.STARTTLS)
            .login(kate)) {
      ReceivedMessage received = inbox.awaitMessage(MessageQuery.messageId(sent.messageId()), WAIT);

      assertThat(received).hasSubject("Flow over IMAP").hasRecipient("kate@fabrikam.com");
      assertThat(received.header("Return-Path")).contains("<chris@contoso.com>");
      assertThat(inbox.transcript().toString())
          .contains("STARTTLS")
          .doesNotContain(System.getenv("SMTPUNIT_IT_KATE_PASSWORD"));
    }
  }

  @Test
  void a_message_sent_through_postfix_is_read_back_over_pop3_and_pop3s_by_message_id() {
    MailMessage sent = message("Flow over POP3", "This is a test message");
    try (SmtpSession smtp = SmtpClient.defaults().open(smtpHost, smtpPort)) {
      assertThat(toKate(smtp).send(sent)).hasCode(250);
      smtp.quit();
    }

    MessageQuery mine = MessageQuery.messageId(sent.messageId());
    try (Mailbox pop3 =
        Mailbox.pop3(host("SMTPUNIT_IT_POP3"), port("SMTPUNIT_IT_POP3"))
            .allowPlaintextAuth(true)
            .timeout(Duration.ofSeconds(30))
            .login(kate)) {
      assertThat(pop3.awaitMessage(mine, WAIT)).hasSubject("Flow over POP3");
    }
    try (Mailbox pop3s =
        verified(Mailbox.pop3(host("SMTPUNIT_IT_POP3S"), port("SMTPUNIT_IT_POP3S")))
            .tls(TlsMode.IMPLICIT)
            .login(kate)) {
      assertThat(pop3s.messages(mine))
          .singleElement()
          .satisfies(m -> assertThat(m).hasSubject("Flow over POP3"));
    }
  }

  @Test
  void one_megabyte_sent_with_bdat_through_postfix_comes_back_byte_identical_over_imap() {
    StringBuilder body = new StringBuilder(1 << 20);
    for (int line = 0; body.length() < 1 << 20; line++) {
      // Lines starting with a dot prove BDAT sends no dot-stuffing and Postfix stores none.
      body.append(line % 7 == 0 ? "." : "")
          .append(String.format("%08d ", line))
          .append("The quick brown fox jumps over the lazy dog 0123456789 ~!@#$%^&*()_+")
          .append("\r\n");
    }
    MailMessage sent = message("One megabyte over BDAT", body.toString());
    try (SmtpSession smtp = SmtpClient.defaults().open(smtpHost, smtpPort)) {
      EhloReply ehlo = toKateAndEhlo(smtp);
      assertThat(ehlo).supports("CHUNKING");
      SmtpReply reply = smtp.bdat(sent);
      assertThat(reply).hasCode(250);
      assertThat(smtp.transcript().toString()).contains(" -> BDAT ").contains(" LAST");
      smtp.quit();
    }

    try (Mailbox inbox =
        verified(Mailbox.imap(host("SMTPUNIT_IT_IMAPS"), port("SMTPUNIT_IT_IMAPS")))
            .tls(TlsMode.IMPLICIT)
            .login(kate)) {
      ReceivedMessage received = inbox.awaitMessage(MessageQuery.messageId(sent.messageId()), WAIT);

      assertThat(received.body()).isEqualTo(body.toString());
      // Postfix prepends its trace headers; everything the client sent follows unchanged.
      assertThat(received.raw()).endsWith(sent.content());
    }
  }

  private static EhloReply toKateAndEhlo(SmtpSession smtp) {
    EhloReply ehlo = smtp.ehlo("contoso.com");
    assertThat(smtp.mailFrom("chris@contoso.com")).isSuccess();
    assertThat(smtp.rcptTo("kate@fabrikam.com")).isSuccess();
    return ehlo;
  }
}
