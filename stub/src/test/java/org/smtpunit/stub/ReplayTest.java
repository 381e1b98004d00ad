package org.smtpunit.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpunit.AuthMechanism;
import org.smtpunit.Credentials;
import org.smtpunit.MailMessage;
import org.smtpunit.Notify;
import org.smtpunit.RcptParameter;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpReply;
import org.smtpunit.SmtpSession;
import org.smtpunit.TlsMode;
import org.smtpunit.Transcript;

/** Record once, replay for ever: the same session gets the same replies; a change is a mismatch. */
class ReplayTest {

  private static final SmtpClient CLIENT =
      SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).allowPlaintextAuth(true).build();

  /** The session of the fixture, recorded against src/it's Postfix 3.7 with STARTTLS. */
  private static List<String> session(SmtpSession smtp, String secondRecipient) {
    return List.of(
        smtp.greeting().toString(),
        smtp.ehlo("contoso.com").reply().toString(),
        smtp.mailFrom("chris@contoso.com").toString(),
        smtp.rcptTo("kate@fabrikam.com", RcptParameter.notify(Notify.SUCCESS, Notify.FAILURE))
            .toString(),
        smtp.rcptTo(secondRecipient).toString(),
        smtp.send(MailMessage.raw("Subject: Test from Contoso\r\n\r\nThis is a test message\r\n"))
            .toString(),
        smtp.quit().toString());
  }

  private static Path fixture() throws URISyntaxException {
    return Path.of(ReplayTest.class.getResource("/postfix-3.7-starttls.log").toURI());
  }

  private static SmtpSession startTls(SmtpStub stub) {
    return SmtpClient.builder()
        .replyTimeout(Duration.ofSeconds(5))
        .tls(TlsMode.STARTTLS)
        .trust(stub.trustStore())
        .build()
        .open(stub.host(), stub.port());
  }

  @Test
  void a_transcript_recorded_against_real_postfix_replays_reply_for_reply_starttls_included()
      throws Exception {
    try (SmtpStub stub = SmtpStub.replaying(fixture());
        SmtpSession smtp = startTls(stub)) {
      assertThat(smtp.tls()).isPresent();
      List<String> replies = session(smtp, "nobody@fabrikam.com");

      assertThat(replies.get(0)).isEqualTo("220 mail1.fabrikam.com ESMTP Postfix");
      assertThat(replies.get(4))
          .isEqualTo(
              "550 5.1.1 <nobody@fabrikam.com>: Recipient address rejected: User unknown in virtual"
                  + " mailbox table");
      assertThat(replies.get(5)).isEqualTo("250 2.0.0 Ok: queued as 4843821CC08");
      assertThat(replies.get(6)).isEqualTo("221 2.0.0 Bye");
      assertThat(stub.mismatches()).isEmpty();
    }
  }

  @Test
  void a_changed_command_gets_503_5_5_1_and_the_rest_stays_in_step() throws Exception {
    try (SmtpStub stub = SmtpStub.replaying(fixture());
        SmtpSession smtp = startTls(stub)) {
      List<String> replies = session(smtp, "bob@fabrikam.com");

      assertThat(replies.get(4))
          .isEqualTo("503 5.5.1 Not in the recording: expected [RCPT TO:<nobody@fabrikam.com>]");
      assertThat(replies.get(5)).isEqualTo("250 2.0.0 Ok: queued as 4843821CC08");
      assertThat(stub.mismatches())
          .containsExactly(
              new Mismatch(5, "RCPT TO:<nobody@fabrikam.com>", "RCPT TO:<bob@fabrikam.com>"));
    }
  }

  @Test
  void a_session_recorded_against_one_stub_replays_against_another(@TempDir Path dir) {
    Function<SmtpSession, List<String>> walkthrough =
        smtp -> {
          smtp.ehlo("contoso.com");
          return List.of(
              smtp.auth(AuthMechanism.PLAIN, Credentials.of("chris", "pw")).toString(),
              smtp.auth(AuthMechanism.LOGIN, Credentials.of("chris", "pw")).toString(),
              smtp.pipeline()
                  .mailFrom("chris@contoso.com")
                  .rcptTo("kate@example.com")
                  .data()
                  .send()
                  .toString(),
              smtp.content(MailMessage.raw("Subject: x\r\n\r\n.dot\r\n")).toString(),
              smtp.quit().toString());
        };
    List<String> recorded;
    Transcript transcript;
    try (SmtpStub postfix = SmtpStub.start(Persona.POSTFIX).addUser("chris", "pw");
        SmtpSession smtp = CLIENT.open(postfix.host(), postfix.port())) {
      recorded = walkthrough.apply(smtp);
      transcript = smtp.transcript();
    }
    Path file = dir.resolve("recorded.log");
    transcript.writeTo(file);

    try (SmtpStub replay = SmtpStub.replaying(file);
        SmtpSession smtp = CLIENT.open(replay.host(), replay.port())) {
      assertThat(walkthrough.apply(smtp)).isEqualTo(recorded);
      assertThat(replay.mismatches()).isEmpty();
      assertThat(replay.receivedMessages().get(0).contentAsString())
          .isEqualTo("Subject: x\r\n\r\n.dot\r\n");
    }
  }

  @Test
  void a_command_after_the_end_of_the_recording_is_a_mismatch() {
    Transcript transcript;
    try (SmtpStub stub = SmtpStub.start();
        SmtpSession smtp = CLIENT.open(stub.host(), stub.port())) {
      smtp.noop();
      transcript = smtp.transcript();
    }
    try (SmtpStub replay = SmtpStub.replaying(transcript);
        SmtpSession smtp = CLIENT.open(replay.host(), replay.port())) {
      assertThat(smtp.noop().toString()).isEqualTo("250 2.0.0 OK");
      SmtpReply extra = smtp.noop();
      assertThat(extra.code()).isEqualTo(503);
      assertThat(replay.mismatches())
          .containsExactly(new Mismatch(1, "(end of recording)", "NOOP"));
    }
  }

  @Test
  void a_transcript_without_any_reply_cannot_be_replayed() {
    assertThatThrownBy(() -> SmtpStub.replaying(Transcript.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The transcript holds no server reply");
  }
}
