package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpunit.testing.ScriptedSmtpServer;

/** RFC 5321 §4.2 reply syntax, checked against a scripted server sending the exact bytes. */
class ReplyParsingTest {

  private static final SmtpClient CLIENT =
      SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).build();

  private ScriptedSmtpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A server that greets, then answers the first command with {@code reply}. */
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

  @Test
  void reads_a_multi_line_reply_as_one_reply_with_every_line() {
    try (SmtpSession smtp = answering("250-mail1.fabrikam.com\r\n250-SIZE 1000\r\n250 DSN\r\n")) {
      EhloReply reply = smtp.ehlo("contoso.com");

      assertThat(reply.code()).isEqualTo(250);
      assertThat(reply.reply().lines()).containsExactly("mail1.fabrikam.com", "SIZE 1000", "DSN");
      assertThat(reply.toString()).isEqualTo("250-mail1.fabrikam.com\n250-SIZE 1000\n250 DSN");
    }
  }

  @Test
  void accepts_a_code_alone_on_a_line() {
    try (SmtpSession smtp = answering("250\r\n")) {
      SmtpReply reply = smtp.noop();

      assertThat(reply.code()).isEqualTo(250);
      assertThat(reply.lines()).containsExactly("");
      assertThat(reply).hasToString("250");
    }
  }

  @Test
  void refuses_mixed_codes_inside_one_multi_line_reply() {
    try (SmtpSession smtp = answering("250-first\r\n251 second\r\n")) {
      SmtpProtocolException e = catchThrowableOfType(SmtpProtocolException.class, smtp::noop);

      assertThat(e.offendingLine()).isEqualTo("251 second");
      assertThat(e.stage()).isEqualTo(SmtpStage.NOOP);
      assertThat(e.getMessage())
          .startsWith(
              "Mixed reply codes in one multi-line reply at NOOP: line [251 second] follows code"
                  + " 250");
    }
  }

  @Test
  void refuses_a_line_without_a_valid_code_quoting_it() {
    try (SmtpSession smtp = answering("250Ok\r\n")) {
      SmtpProtocolException e =
          catchThrowableOfType(SmtpProtocolException.class, () -> smtp.mailFrom("a@b.c"));

      assertThat(e.getMessage())
          .startsWith(
              "Malformed reply line [250Ok] at MAIL FROM: expected a 3-digit code (2xx to 5xx)"
                  + " followed by ' ' or '-'");
      assertThat(e.transcript().entries()).extracting(TranscriptEntry::line).contains("250Ok");
    }
  }

  @Test
  void refuses_a_code_outside_2xx_to_5xx() {
    try (SmtpSession smtp = answering("650 no such class\r\n")) {
      assertThat(catchThrowableOfType(SmtpProtocolException.class, smtp::noop).offendingLine())
          .isEqualTo("650 no such class");
    }
  }

  @Test
  void accepts_non_ascii_text_and_records_it() {
    try (SmtpSession smtp = answering("250 2.0.0 Grüße, 受け付けました\r\n")) {
      SmtpReply reply = smtp.noop();

      assertThat(reply.text()).isEqualTo("2.0.0 Grüße, 受け付けました");
      assertThat(smtp.transcript().toString()).contains("<-  250 2.0.0 Grüße, 受け付けました");
    }
  }

  @Test
  void replaces_bytes_that_are_not_utf8_instead_of_failing() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.sendBytes(new byte[] {'2', '5', '0', ' ', 'o', (byte) 0xff, 'k', '\r', '\n'});
              c.awaitClientClose();
            });
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      assertThat(smtp.noop().text()).isEqualTo("o\uFFFDk");
    }
  }

  @Test
  void accepts_a_512_octet_line_and_the_documented_limit() {
    String text512 = "x".repeat(512 - 6);
    String textAtLimit = "y".repeat(ReplyReader.MAX_LINE_OCTETS - 4);
    try (SmtpSession smtp = answering("250-" + text512 + "\r\n250 " + textAtLimit + "\r\n")) {
      assertThat(smtp.noop().lines()).containsExactly(text512, textAtLimit);
    }
  }

  @Test
  void refuses_a_line_longer_than_the_limit_without_holding_it_all() {
    try (SmtpSession smtp = answering("250 " + "z".repeat(100_000) + "\r\n")) {
      SmtpProtocolException e = catchThrowableOfType(SmtpProtocolException.class, smtp::noop);

      assertThat(e.getMessage())
          .startsWith("Reply line too long at NOOP: more than 4096 octets without a line end");
      assertThat(smtp.isOpen()).isFalse();
    }
  }

  @Test
  void bounds_an_endless_multi_line_reply() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              for (int i = 0; i < 5_000; i++) {
                c.send("250-line " + i + "\r\n");
              }
              c.awaitClientClose();
            });
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      SmtpProtocolException e = catchThrowableOfType(SmtpProtocolException.class, smtp::noop);

      assertThat(e.getMessage())
          .startsWith("Endless multi-line reply at NOOP: more than 1000 lines");
    }
  }

  @Test
  void accepts_bare_lf_line_ends_and_notes_them_in_the_transcript() {
    try (SmtpSession smtp = answering("250-first\n250 second\n")) {
      SmtpReply reply = smtp.noop();

      assertThat(reply.lines()).containsExactly("first", "second");
      List<String> notes =
          smtp.transcript().entries().stream()
              .filter(entry -> entry.direction() == TranscriptEntry.Direction.NOTE)
              .map(TranscriptEntry::line)
              .toList();
      assertThat(notes).anyMatch(note -> note.contains("bare LF"));
    }
  }

  @Test
  void a_second_reply_to_one_command_ends_the_session_before_the_next_command() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("250 first\r\n250 second\r\n");
              c.awaitClientClose();
            });
    try (SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      assertThat(smtp.noop().text()).isEqualTo("first");

      SmtpProtocolException e = catchThrowableOfType(SmtpProtocolException.class, smtp::noop);

      assertThat(e.getMessage())
          .startsWith(
              "Unexpected reply before NOOP: the server sent [250 second\\r\\n] before the"
                  + " command was sent");
      assertThat(e.offendingLine()).isEqualTo("250 second\\r\\n");
      assertThat(smtp.isOpen()).isFalse();
      assertThat(server.conversation().lines()).containsExactly("NOOP");
    }
  }
}
