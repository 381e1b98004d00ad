package org.smtpunit.stub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.stub.Fault;
import org.smtpunit.stub.SmtpStub;
import org.smtpunit.stub.SmtpVerb;

/**
 * The rule chain as users write it, from outside the stub's package (public API only): every
 * finishing method hands back the stub itself, typed as {@link SmtpStub}, so chains go on and the
 * result can be kept in a {@code SmtpStub} variable.
 */
class FluentRuleChainTest {

  @Test
  void reply_reply_once_and_fault_return_the_stub_itself_as_a_smtp_stub() {
    try (SmtpStub stub = SmtpStub.start()) {
      SmtpStub afterReply = stub.on(SmtpVerb.RCPT).matching("nobody@").reply("550 5.1.1 Unknown");
      SmtpStub afterOnce = stub.on(SmtpVerb.NOOP).replyOnce("250 2.0.0 once");
      SmtpStub afterFault = stub.on(SmtpVerb.VRFY).fault(Fault.closeConnection());
      var held = stub.on(SmtpVerb.MAIL).matching("spam@");
      SmtpStub afterHeld = held.reply("550 5.7.1 Refused");

      assertThat(afterReply).isSameAs(stub);
      assertThat(afterOnce).isSameAs(stub);
      assertThat(afterFault).isSameAs(stub);
      assertThat(afterHeld).isSameAs(stub);
    }
  }

  @Test
  void a_chain_of_rules_and_settings_scripts_every_command_it_names() {
    SmtpClient client = SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).build();
    try (SmtpStub stub = SmtpStub.start()) {
      SmtpStub scripted =
          stub.greeting("220 mx.contoso.com chained")
              .on(SmtpVerb.RCPT)
              .matching("nobody@.*")
              .reply("550 5.1.1 User unknown")
              .on(SmtpVerb.RCPT)
              .matching("full@.*")
              .replyOnce("452 4.2.2 Mailbox full")
              .advertise("SIZE 1000")
              .on(SmtpVerb.NOOP)
              .reply("250 2.0.0 chained");

      try (SmtpSession smtp = client.open(scripted.host(), scripted.port())) {
        assertThat(smtp.greeting().toString()).isEqualTo("220 mx.contoso.com chained");
        assertThat(smtp.ehlo("contoso.com").keywords()).containsExactly("SIZE");
        smtp.mailFrom("chris@contoso.com");
        assertThat(smtp.rcptTo("nobody@fabrikam.com").toString())
            .isEqualTo("550 5.1.1 User unknown");
        assertThat(smtp.rcptTo("full@fabrikam.com").toString()).isEqualTo("452 4.2.2 Mailbox full");
        assertThat(smtp.rcptTo("full@fabrikam.com").code()).isEqualTo(250);
        assertThat(smtp.noop().toString()).isEqualTo("250 2.0.0 chained");
      }
      assertThat(scripted.commands()).contains("NOOP");
    }
  }
}
