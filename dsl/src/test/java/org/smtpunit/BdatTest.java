package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.smtpunit.testing.ScriptedSmtpServer;

/** RFC 3030 CHUNKING: BDAT chunks, LAST at the end, pipelined where the server allows it. */
class BdatTest {

  private static final SmtpClient CLIENT =
      SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).build();

  private static final MailMessage MESSAGE =
      MailMessage.raw("Subject: chunked\n\n.a line starting with a dot\nsecond line");

  /** A server that advertises the given extensions and answers each BDAT after its chunk. */
  private static ScriptedSmtpServer chunkingServer(
      String extensions, ByteArrayOutputStream content, List<String> commands, boolean batch) {
    return ScriptedSmtpServer.start(
        c -> {
          c.send("220 mail1.fabrikam.com ESMTP\r\n");
          c.readLine();
          c.send("250-mail1.fabrikam.com\r\n" + extensions + "250 8BITMIME\r\n");
          int pending = 0;
          while (true) {
            String line = c.readLine();
            if (!line.startsWith("BDAT ")) {
              c.send("221 2.0.0 Bye\r\n");
              return;
            }
            commands.add(line);
            String[] words = line.split(" ");
            content.write(c.readBytes(Integer.parseInt(words[1])));
            pending++;
            boolean last = words.length > 2;
            if (!batch || last) {
              c.send(
                  ("250 2.0.0 chunk ok\r\n".repeat(pending - 1))
                      + (last ? "250 2.0.0 Ok: queued as 42\r\n" : "250 2.0.0 chunk ok\r\n"));
              pending = 0;
            }
          }
        });
  }

  @Test
  void sends_the_content_in_chunks_ending_with_bdat_last_without_dot_stuffing() throws Exception {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    List<String> commands = new CopyOnWriteArrayList<>();
    try (ScriptedSmtpServer server = chunkingServer("250-CHUNKING\r\n", content, commands, false);
        SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");

      SmtpReply reply = smtp.bdat(MESSAGE, 16);

      assertThat(reply.code()).isEqualTo(250);
      assertThat(reply.text()).isEqualTo("2.0.0 Ok: queued as 42");
      smtp.quit();
    }
    String expected = "Subject: chunked\r\n\r\n.a line starting with a dot\r\nsecond line\r\n";
    assertThat(content.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(commands).containsExactly("BDAT 16", "BDAT 16", "BDAT 16", "BDAT 14 LAST");
  }

  @Test
  void pipelines_every_chunk_in_one_flight_where_pipelining_is_advertised() {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    List<String> commands = new CopyOnWriteArrayList<>();
    // The server answers only after the LAST chunk: a client waiting per chunk would time out.
    try (ScriptedSmtpServer server =
            chunkingServer("250-PIPELINING\r\n250-CHUNKING\r\n", content, commands, true);
        SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");

      SmtpReply reply = smtp.bdat(MESSAGE, 10);

      assertThat(reply.text()).isEqualTo("2.0.0 Ok: queued as 42");
      assertThat(commands).hasSize(7).last().asString().endsWith(" LAST");
      assertThat(smtp.transcript().entries())
          .extracting(TranscriptEntry::toString)
          .contains(" -> BDAT 10", "=== (62 octets of message content in 7 chunks)")
          .noneMatch(line -> line.contains("a line starting with a dot"));
    }
  }

  @Test
  void refuses_bdat_when_chunking_is_not_advertised_before_sending_anything() {
    List<String> commands = new CopyOnWriteArrayList<>();
    try (ScriptedSmtpServer server =
            chunkingServer("250-PIPELINING\r\n", new ByteArrayOutputStream(), commands, false);
        SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");

      assertThatIllegalStateException()
          .isThrownBy(() -> smtp.bdat(MESSAGE))
          .withMessageContaining("BDAT needs the CHUNKING extension (RFC 3030)")
          .withMessageContaining("does not advertise CHUNKING");
      assertThat(smtp.transcript().entries())
          .extracting(TranscriptEntry::line)
          .noneMatch(line -> line.startsWith("BDAT"));
    }
  }

  @Test
  void an_empty_message_is_one_bdat_0_last() {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    List<String> commands = new CopyOnWriteArrayList<>();
    try (ScriptedSmtpServer server = chunkingServer("250-CHUNKING\r\n", content, commands, false);
        SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");

      assertThat(smtp.bdat(MailMessage.raw("")).code()).isEqualTo(250);
      smtp.quit();
    }
    assertThat(commands).containsExactly("BDAT 0 LAST");
  }

  @Test
  void a_server_that_never_answers_the_last_chunk_times_out_with_the_outcome_unknown() {
    try (ScriptedSmtpServer server =
            ScriptedSmtpServer.start(
                c -> {
                  c.send("220 mail1.fabrikam.com ESMTP\r\n");
                  c.readLine();
                  c.send("250-mail1.fabrikam.com\r\n250 CHUNKING\r\n");
                  c.awaitClientClose();
                });
        SmtpSession smtp =
            SmtpClient.builder()
                .replyTimeout(Duration.ofMillis(300))
                .build()
                .open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");

      assertThatThrownBy(() -> smtp.bdat(MESSAGE))
          .isInstanceOfSatisfying(
              SmtpTimeoutException.class, e -> assertThat(e.stage()).isEqualTo(SmtpStage.BDAT))
          .hasMessageStartingWith("No complete reply at BDAT within the reply timeout of 300 ms")
          .hasMessageContaining("The outcome is unknown");
      assertThat(smtp.isOpen()).isFalse();
    }
  }
}
