package org.smtpunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.smtpunit.MailMessage;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.TlsMode;
import org.smtpunit.stub.Persona;
import org.smtpunit.stub.SmtpStub;
import org.smtpunit.stub.SmtpVerb;

/** A {@code SmtpStub} parameter and {@code @SmtpTarget(stub = true)}, run through EngineTestKit. */
class StubInjectionTest {

  private static final List<SmtpStub> SEEN = new CopyOnWriteArrayList<>();

  @TempDir static Path transcripts;

  @BeforeEach
  void forget() {
    SEEN.clear();
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(fixture))
        .configurationParameter("smtpunit.transcripts.dir", transcripts.toString())
        .execute();
  }

  @SmtpTarget(stub = true, persona = Persona.EXCHANGE_2013)
  static class ScriptedExchangeTestCase {
    @Test
    void full_mailbox_is_transient(SmtpSession smtp, SmtpStub stub) {
      SEEN.add(stub);
      stub.on(SmtpVerb.RCPT).matching("kate@").reply("452 4.2.2 Mailbox full");
      assertThat(smtp.greeting()).hasTextContaining("Microsoft ESMTP MAIL Service ready");
      smtp.ehlo("contoso.com");
      smtp.mailFrom("chris@contoso.com");
      assertThat(smtp.rcptTo("kate@fabrikam.com")).hasCode(452).hasEnhancedStatus("4.2.2");
      assertThat(smtp.rcptTo("nobody@fabrikam.com")).hasCode(550).hasEnhancedStatus("5.1.1");
    }

    @Test
    void each_test_gets_its_own_stub(SmtpStub stub) {
      SEEN.add(stub);
      assertThat(stub.commands()).isEmpty();
    }
  }

  @Test
  void a_stub_target_sends_the_session_to_a_stub_scripted_in_the_test_and_closes_it() {
    run(ScriptedExchangeTestCase.class)
        .testEvents()
        .assertStatistics(s -> s.succeeded(2).failed(0));

    assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
    for (SmtpStub stub : SEEN) {
      assertThatThrownBy(() -> new Socket(stub.host(), stub.port()).close())
          .isInstanceOf(IOException.class);
    }
  }

  @SmtpTarget(stub = true, tls = TlsMode.STARTTLS)
  static class TlsStubTestCase {
    @Test
    void starttls_against_the_stub(SmtpSession smtp, SmtpClient client, SmtpStub stub) {
      SEEN.add(stub);
      assertThat(smtp.tls()).isPresent();
      try (SmtpSession second = client.open(stub.host(), stub.port())) {
        assertThat(second.tls()).isPresent();
      }
      assertThat(stub.connections()).isEqualTo(2);
    }
  }

  @Test
  void the_injected_client_trusts_the_stubs_certificate() {
    run(TlsStubTestCase.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @SmtpTarget
  static class StubParameterOnlyTestCase {
    @Test
    void a_stub_without_stub_target(SmtpStub stub) {
      SEEN.add(stub);
      stub.on(SmtpVerb.NOOP).reply("250 2.0.0 scripted");
      try (SmtpSession smtp = SmtpClient.defaults().open(stub.host(), stub.port())) {
        assertThat(smtp.noop()).hasTextContaining("scripted");
      }
    }
  }

  @Test
  void a_stub_parameter_works_with_any_target() {
    run(StubParameterOnlyTestCase.class)
        .testEvents()
        .assertStatistics(s -> s.succeeded(1).failed(0));
    assertThat(SEEN).hasSize(1);
  }

  @SmtpTarget(stub = true, persona = Persona.POSTFIX)
  static class RecordedPostfixTestCase {
    @Test
    void walkthrough(SmtpSession smtp) {
      smtp.ehlo("contoso.com");
      smtp.mailFrom("chris@contoso.com");
      smtp.rcptTo("kate@fabrikam.com");
      smtp.send(MailMessage.raw("Subject: Test from Contoso\r\n\r\nThis is a test message\r\n"));
    }
  }

  @Test
  void a_transcript_file_the_extension_wrote_replays_against_a_stub() throws Exception {
    run(RecordedPostfixTestCase.class).testEvents().assertStatistics(s -> s.succeeded(1));
    Path file =
        transcripts.resolve(RecordedPostfixTestCase.class.getName()).resolve("walkthrough.log");

    try (SmtpStub replay = SmtpStub.replaying(file);
        SmtpSession smtp = SmtpClient.defaults().open(replay.host(), replay.port())) {
      assertThat(smtp.greeting()).hasTextContaining("ESMTP Postfix");
      smtp.ehlo("contoso.com");
      smtp.mailFrom("chris@contoso.com");
      smtp.rcptTo("kate@fabrikam.com");
      assertThat(
              smtp.send(
                  MailMessage.raw("Subject: Test from Contoso\r\n\r\nThis is a test message\r\n")))
          .hasTextContaining("queued as");
      assertThat(smtp.quit().toString()).isEqualTo("221 2.0.0 Bye");
      assertThat(replay.mismatches()).isEmpty();
    }
  }
}
