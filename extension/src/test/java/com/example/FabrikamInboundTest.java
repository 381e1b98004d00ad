package com.example;

import static org.smtpunit.Notify.FAILURE;
import static org.smtpunit.Notify.SUCCESS;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smtpunit.MailMessage;
import org.smtpunit.RcptParameter;
import org.smtpunit.SmtpSession;
import org.smtpunit.junit.EmbeddedMailServer;
import org.smtpunit.junit.SmtpTarget;

/** The README's first example, kept here so it is proven to compile and pass as written. */
@SmtpTarget // no target: the embedded server; -Dsmtpunit.target=mail1.fabrikam.com for a real one
class FabrikamInboundTest {

  @Test
  void acceptsMailForKate(SmtpSession smtp, EmbeddedMailServer server) {
    assertThat(smtp.greeting()).hasCode(220);
    assertThat(smtp.ehlo("contoso.com")).isSuccess().hasCode(250);
    assertThat(smtp.mailFrom("chris@contoso.com")).isSuccess();
    assertThat(smtp.rcptTo("kate@fabrikam.com", RcptParameter.notify(SUCCESS, FAILURE)))
        .isSuccess();
    assertThat(smtp.data()).hasCode(354);
    assertThat(
            smtp.content(
                MailMessage.raw("Subject:Test from Contoso\r\n\r\nThis is a test message")))
        .hasCode(250);
    assertThat(smtp.quit()).hasCode(221);

    assertThat(server.awaitMessages(1, Duration.ofSeconds(5)).get(0))
        .hasSubject("Test from Contoso")
        .hasRecipient("kate@fabrikam.com");
  }
}
