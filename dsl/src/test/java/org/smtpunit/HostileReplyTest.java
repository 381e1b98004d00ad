package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testserver.OpenSockets;

/**
 * Bytes a hostile server sends never escape as anything but an {@link SmtpException}, and a session
 * that threw because of them is closed, its socket too.
 */
class HostileReplyTest {

  private static final Duration SHORT = Duration.ofMillis(400);
  private static final SmtpClient CLIENT =
      SmtpClient.builder().replyTimeout(SHORT).allowPlaintextAuth(true).build();

  private ScriptedSmtpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private SmtpSession answering(String reply) {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send(reply);
              c.awaitClientClose();
            });
    return CLIENT.open(server.host(), server.port());
  }

  private void assertSocketClosed() {
    if (OpenSockets.available()) {
      assertThat(OpenSockets.isOpen(server.conversation().clientPort(), server.port()))
          .as("client socket still open")
          .isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"250 o\0k\r\n", "250 hi\rthere\r\n", "250 ok\r\r\n"})
  void a_nul_or_bare_cr_in_a_reply_is_a_protocol_exception_that_closes_the_session(String reply) {
    try (SmtpSession smtp = answering(reply)) {
      SmtpProtocolException e = catchThrowableOfType(SmtpProtocolException.class, smtp::noop);

      assertThat(e.getMessage()).startsWith("Malformed reply line [250 ").contains("at NOOP");
      assertThat(e.stage()).isEqualTo(SmtpStage.NOOP);
      assertThat(smtp.isOpen()).isFalse();
      assertSocketClosed();
    }
  }

  @Test
  void a_greeting_with_a_nul_fails_open_without_leaving_the_socket_open() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 hi\0there\r\n");
              c.awaitClientClose();
            });

    SmtpProtocolException e =
        catchThrowableOfType(
            SmtpProtocolException.class, () -> CLIENT.open(server.host(), server.port()));

    assertThat(e.stage()).isEqualTo(SmtpStage.GREETING);
    assertThat(e.getMessage()).startsWith("Malformed reply line [220 hi\\0there]");
    assertSocketClosed();
  }

  @Test
  void a_line_of_4096_octets_passes_and_one_of_4097_does_not() {
    String atLimit = "250 " + "y".repeat(4092);
    try (SmtpSession smtp = answering(atLimit + "\r\n250 " + "z".repeat(4093) + "\r\n")) {
      assertThat(smtp.noop().text()).hasSize(4092);

      SmtpProtocolException e = catchThrowableOfType(SmtpProtocolException.class, smtp::noop);

      assertThat(e.getMessage()).startsWith("Unexpected reply before NOOP");
    }
    try (SmtpSession smtp = answering("250 " + "z".repeat(4093) + "\r\n")) {
      SmtpProtocolException e = catchThrowableOfType(SmtpProtocolException.class, smtp::noop);

      assertThat(e.getMessage())
          .startsWith(
              "Reply line too long at NOOP: more than 4096 octets (4097) before its line end");
      assertThat(smtp.isOpen()).isFalse();
    }
  }

  @Test
  void a_line_of_8190_octets_is_refused() {
    try (SmtpSession smtp = answering("250 " + "z".repeat(8186) + "\r\n")) {
      SmtpProtocolException e = catchThrowableOfType(SmtpProtocolException.class, smtp::noop);

      assertThat(e.getMessage()).startsWith("Reply line too long at NOOP: more than 4096 octets");
    }
  }

  @Test
  void escape_and_bell_from_the_server_are_escaped_in_every_rendering_of_the_transcript() {
    try (SmtpSession smtp = answering("250 \u001b[31mred\u0007 \u009b2J\r\n")) {
      SmtpReply reply = smtp.noop();

      String rendered = smtp.transcript().toString();
      assertThat(rendered).contains("<-  250 \\x1b[31mred\\x07 \\u009b2J");
      assertThat(rendered)
          .doesNotContain("\u001b")
          .doesNotContain("\u0007")
          .doesNotContain("\u009b");
      assertThat(reply.transcript().entries().get(reply.transcript().entries().size() - 1))
          .hasToString("<-  250 \\x1b[31mred\\x07 \\u009b2J");
    }
  }

  @Test
  void a_server_echoing_the_auth_response_in_a_malformed_reply_never_shows_the_secret() {
    String secret = "Echo-S3cret-42";
    String response =
        Base64.getEncoder().encodeToString(("\0chris\0" + secret).getBytes(StandardCharsets.UTF_8));
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              String auth = c.readLine();
              c.send("5x5 bad " + auth.substring("AUTH PLAIN ".length()) + " " + secret + "\r\n");
              c.awaitClientClose();
            });
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      SmtpProtocolException e =
          catchThrowableOfType(
              SmtpProtocolException.class,
              () -> smtp.auth(AuthMechanism.PLAIN, Credentials.of("chris", secret)));

      assertThat(e.getMessage()).contains("[5x5 bad **** ****]");
      assertThat(e.getMessage()).doesNotContain(secret).doesNotContain(response);
      assertThat(e.offendingLine()).doesNotContain(secret).doesNotContain(response);
      assertThat(e.transcript().toString()).doesNotContain(secret).doesNotContain(response);
    }
  }

  @Test
  void eof_right_after_the_final_dot_says_the_outcome_is_unknown() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("354 go ahead\r\n");
              c.readData();
            });
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      smtp.data();

      SmtpConnectionClosedException e =
          catchThrowableOfType(
              SmtpConnectionClosedException.class,
              () -> smtp.content(MailMessage.raw("Subject: hi\r\n\r\nbody")));

      assertThat(e.getMessage())
          .startsWith(
              "Connection closed at content: the server closed the connection before replying."
                  + " The outcome is unknown: the server may have accepted the message");
      assertThat(smtp.isOpen()).isFalse();
    }
  }

  @Test
  void two_replies_to_one_command_end_the_session_naming_the_extra_one() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("250-mail1.fabrikam.com\r\n250 SIZE\r\n");
              c.send("250 mail1.fabrikam.com again\r\n");
              c.awaitClientClose();
            });
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      assertThat(smtp.ehlo("contoso.com").code()).isEqualTo(250);
      waitForBytes();

      SmtpProtocolException e =
          catchThrowableOfType(SmtpProtocolException.class, () -> smtp.mailFrom("a@b.example"));

      assertThat(e.stage()).isEqualTo(SmtpStage.MAIL);
      assertThat(e.getMessage())
          .startsWith(
              "Unexpected reply before MAIL FROM: the server sent [250 mail1.fabrikam.com"
                  + " again\\r\\n] before the command was sent");
      assertThat(smtp.isOpen()).isFalse();
      assertSocketClosed();
    }
    assertThat(server.conversation().lines()).containsExactly("EHLO contoso.com");
  }

  @Test
  void a_reply_before_the_greeting_was_answered_ends_the_session() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n250 unasked\r\n");
              c.awaitClientClose();
            });
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      waitForBytes();

      SmtpProtocolException e =
          catchThrowableOfType(SmtpProtocolException.class, () -> smtp.ehlo("contoso.com"));

      assertThat(e.offendingLine()).isEqualTo("250 unasked\\r\\n");
    }
  }

  @Test
  void a_pipeline_answered_once_too_often_is_detected_at_the_next_command() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.readLine();
              c.send("250 2.1.0 ok\r\n250 2.1.5 ok\r\n250 2.1.5 extra\r\n");
              c.awaitClientClose();
            });
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      assertThat(smtp.pipeline().mailFrom("a@b.example").rcptTo("c@d.example").send())
          .extracting(SmtpReply::code)
          .containsExactly(250, 250);
      waitForBytes();

      assertThat(catchThrowableOfType(SmtpProtocolException.class, smtp::data).offendingLine())
          .isEqualTo("250 2.1.5 extra\\r\\n");
    }
  }

  /** Gives the extra bytes time to arrive: detection must not depend on when they do. */
  private static void waitForBytes() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
