package org.smtpunit.samples;

import static org.smtpunit.Notify.FAILURE;
import static org.smtpunit.Notify.SUCCESS;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;
import static org.smtpunit.samples.Capabilities.hasEnhancedStatusStartingWithIfSent;

import org.junit.jupiter.api.Test;
import org.smtpunit.EhloReply;
import org.smtpunit.MailMessage;
import org.smtpunit.RcptParameter;
import org.smtpunit.SmtpReply;
import org.smtpunit.SmtpSession;

/** Step 3: the whole telnet conversation, one assertion per reply. */
@WalkthroughSample
class Step3ConversationTest {

  @Test
  void the_walkthrough_conversation_succeeds_step_by_step(SmtpSession smtp, Walkthrough w) {
    // open mail1.fabrikam.com 25
    assertThat(smtp.greeting()).hasCode(220);
    // EHLO contoso.com
    EhloReply ehlo = smtp.ehlo(w.helo());
    assertThat(ehlo).isSuccess().hasCode(250);
    // MAIL FROM:chris@contoso.com
    SmtpReply mail = smtp.mailFrom(w.from());
    assertThat(mail).hasCode(250);
    hasEnhancedStatusStartingWithIfSent(mail, "2");
    // RCPT TO:kate@fabrikam.com NOTIFY=success,failure (only where DSN is advertised)
    SmtpReply rcpt =
        ehlo.supports("DSN")
            ? smtp.rcptTo(w.to(), RcptParameter.notify(SUCCESS, FAILURE))
            : smtp.rcptTo(w.to());
    assertThat(rcpt).hasCode(250);
    hasEnhancedStatusStartingWithIfSent(rcpt, "2");
    // DATA
    assertThat(smtp.data()).hasCode(354);
    // Subject:Test from Contoso, blank line, body, "."
    SmtpReply queued = smtp.content(MailMessage.raw(Walkthrough.MESSAGE));
    assertThat(queued).hasCode(250);
    hasEnhancedStatusStartingWithIfSent(queued, "2");
    // QUIT
    SmtpReply quit = smtp.quit();
    assertThat(quit).hasCode(221);
    hasEnhancedStatusStartingWithIfSent(quit, "2");
  }
}
