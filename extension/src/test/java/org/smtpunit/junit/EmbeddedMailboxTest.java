package org.smtpunit.junit;

import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smtpunit.Credentials;
import org.smtpunit.MailMessage;
import org.smtpunit.ReceivedMessage;
import org.smtpunit.SmtpSession;
import org.smtpunit.mailbox.Mailbox;
import org.smtpunit.mailbox.MessageQuery;

/** The laptop loop: send to the embedded server, read the message back over its IMAP and POP3. */
@SmtpTarget
class EmbeddedMailboxTest {

  /** A mailbox made on first delivery has its address as user name and password. */
  private static final Credentials KATE = Credentials.of("kate@fabrikam.com", "kate@fabrikam.com");

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static MailMessage sendToKate(SmtpSession smtp, String subject) {
    MailMessage message =
        MailMessage.builder()
            .from("chris@contoso.com")
            .to("kate@fabrikam.com")
            .subject(subject)
            .body("This is a test message")
            .build();
    assertThat(smtp.ehlo("contoso.com")).isSuccess();
    assertThat(smtp.mailFrom("chris@contoso.com")).isSuccess();
    assertThat(smtp.rcptTo("kate@fabrikam.com")).isSuccess();
    assertThat(smtp.send(message)).hasCode(250);
    return message;
  }

  @Test
  void reads_back_over_imap_what_was_sent_over_smtp(SmtpSession smtp, EmbeddedMailServer server) {
    MailMessage sent = sendToKate(smtp, "Read me over IMAP");

    try (Mailbox inbox =
        Mailbox.imap(server.host(), server.imapPort()).allowPlaintextAuth(true).login(KATE)) {
      ReceivedMessage received = inbox.awaitMessage(MessageQuery.messageId(sent.messageId()), WAIT);

      assertThat(received).hasSubject("Read me over IMAP").hasRecipient("kate@fabrikam.com");
    }
  }

  @Test
  void reads_back_over_pop3_what_was_sent_over_smtp(SmtpSession smtp, EmbeddedMailServer server) {
    MailMessage sent = sendToKate(smtp, "Read me over POP3");

    try (Mailbox inbox =
        Mailbox.pop3(server.host(), server.pop3Port()).allowPlaintextAuth(true).login(KATE)) {
      ReceivedMessage received = inbox.awaitMessage(MessageQuery.messageId(sent.messageId()), WAIT);

      assertThat(received).hasSubject("Read me over POP3");
    }
  }
}
