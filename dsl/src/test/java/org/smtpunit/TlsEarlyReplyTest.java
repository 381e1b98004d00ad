package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testing.TestCertificates;
import org.smtpunit.testserver.HugeArgumentWarmUp;
import org.smtpunit.testserver.OpenSockets;

/**
 * An early {@code 5xx} under TLS (STARTTLS or implicit) is returned as the reply, as in plain text:
 * a server that answers {@code 552} while the client still writes a large message or command line,
 * and then reads nothing more, must not make the call wait for its deadline and time out.
 */
class TlsEarlyReplyTest {

  /**
   * Long enough that only the early reply, not the deadline, can end the write on however busy a
   * machine: without the early reply every call below times out at it instead.
   */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** More than the loopback buffers of client and server hold together. */
  private static final int HUGE = 8 * 1024 * 1024;

  @TempDir static Path dir;
  private static TestCertificates.Certificate certificate;

  private ScriptedSmtpServer server;

  @BeforeAll
  static void makeCertificate() {
    certificate = TestCertificates.create(dir, "early", "ip:127.0.0.1", 0, 30);
    HugeArgumentWarmUp.run(HUGE);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static SmtpClient client(TlsMode mode) {
    return SmtpClient.builder()
        .replyTimeout(TIMEOUT)
        .trust(certificate.trustStore())
        .tls(mode)
        .build();
  }

  /**
   * Greets, upgrades with STARTTLS (as the client's STARTTLS mode does it) or at once, offering the
   * given protocols (all when none).
   */
  private static void secure(ScriptedSmtpServer.Conversation c, TlsMode mode, String... protocols)
      throws Exception {
    if (mode == TlsMode.IMPLICIT) {
      c.startTls(certificate.serverContext(protocols));
      c.send("220 ready\r\n");
      return;
    }
    c.send("220 ready\r\n");
    c.readLine();
    c.send("250-mail1.fabrikam.com\r\n250 STARTTLS\r\n");
    c.readLine();
    c.send("220 2.0.0 Ready to start TLS\r\n");
    c.startTls(certificate.serverContext(protocols));
  }

  /** A server that answers DATA with 354, reads a little content, sends 552 and stops reading. */
  private void startTooBigServer(TlsMode mode, String... protocols) {
    server =
        ScriptedSmtpServer.start(
            c -> {
              secure(c, mode, protocols);
              c.readLine();
              c.send("354 go ahead\r\n");
              c.readBytes(64);
              c.send("552 5.3.4 Message too big\r\n");
              c.stopReading();
            });
  }

  private void contentReturnsTheEarly552(TlsMode mode, String... protocols) {
    startTooBigServer(mode, protocols);
    MailMessage message = MailMessage.raw("Subject: big\r\n\r\n" + "x".repeat(HUGE));
    try (SmtpSession smtp = client(mode).open(server.host(), server.port())) {
      assertThat(smtp.tls().orElseThrow().protocol()).isIn((Object[]) protocolsOrAny(protocols));
      smtp.data();

      assertReturnsEarly(smtp, () -> smtp.content(message), "552 5.3.4 Message too big");
      assertThat(smtp.transcript().toString())
          .contains("the server replied before the client had finished writing at content");
    }
  }

  /**
   * Asserts that the call returned the early reply before its deadline (which only the early reply
   * can do: the server reads nothing more) and ended the session.
   */
  private void assertReturnsEarly(SmtpSession smtp, Supplier<SmtpReply> call, String expected) {
    long start = System.nanoTime();
    SmtpReply reply = call.get();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(reply).hasToString(expected);
    assertThat(took).isLessThan(TIMEOUT);
    assertThat(smtp.isOpen()).isFalse();
    if (OpenSockets.available()) {
      assertThat(OpenSockets.isOpen(server.conversation().clientPort(), server.port())).isFalse();
    }
  }

  @Test
  void an_early_552_during_the_content_after_starttls_is_returned_as_the_end_of_data_reply() {
    contentReturnsTheEarly552(TlsMode.STARTTLS);
  }

  @Test
  void an_early_552_during_the_content_under_implicit_tls_is_returned_as_the_end_of_data_reply() {
    contentReturnsTheEarly552(TlsMode.IMPLICIT);
  }

  @Test
  void an_early_552_during_the_content_under_tls_1_2_is_returned_as_the_end_of_data_reply() {
    contentReturnsTheEarly552(TlsMode.STARTTLS, "TLSv1.2");
  }

  @Test
  void an_early_552_while_the_client_still_writes_a_command_under_tls_is_returned_as_the_reply() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              secure(c, TlsMode.IMPLICIT);
              c.readBytes(64);
              c.send("552 5.3.4 Line too long\r\n");
              c.stopReading();
            });
    String line = "XTEST " + "a".repeat(HUGE);
    try (SmtpSession smtp = client(TlsMode.IMPLICIT).open(server.host(), server.port())) {
      assertReturnsEarly(smtp, () -> smtp.command(line), "552 5.3.4 Line too long");
      assertThat(smtp.transcript().toString())
          .contains("the server replied before the client had finished writing at");
    }
  }

  @Test
  void a_large_message_under_tls_that_the_server_reads_whole_gets_its_own_reply() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              secure(c, TlsMode.STARTTLS);
              c.readLine();
              c.send("354 go ahead\r\n");
              c.readData();
              c.send("250 2.6.0 Queued\r\n");
              c.readLine();
              c.send("250 2.0.0 OK\r\n");
              c.awaitClientClose();
            });
    MailMessage message = MailMessage.raw("Subject: big\r\n\r\n" + "x".repeat(HUGE));
    try (SmtpSession smtp = client(TlsMode.STARTTLS).open(server.host(), server.port())) {
      smtp.data();

      assertThat(smtp.content(message)).hasToString("250 2.6.0 Queued");
      assertThat(smtp.isOpen()).isTrue();
      assertThat(smtp.noop()).hasToString("250 2.0.0 OK");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TlsMode.class,
      names = {"NONE", "IMPLICIT"})
  void a_positive_reply_while_the_client_still_writes_is_read_as_the_reply_once_written(
      TlsMode mode) {
    server =
        ScriptedSmtpServer.start(
            c -> {
              if (mode == TlsMode.NONE) {
                c.send("220 ready\r\n");
              } else {
                secure(c, mode);
              }
              c.readLine();
              c.send("354 go ahead\r\n");
              c.readBytes(64);
              // As if the write had just finished: a race a client on a busy machine can lose.
              c.send("250 2.6.0 Queued\r\n");
              c.readData();
              c.awaitClientClose();
            });
    MailMessage message = MailMessage.raw("Subject: big\r\n\r\n" + "x".repeat(HUGE));
    try (SmtpSession smtp = client(mode).open(server.host(), server.port())) {
      smtp.data();

      assertThat(smtp.content(message)).hasToString("250 2.6.0 Queued");
      assertThat(smtp.isOpen()).isTrue();
      assertThat(smtp.transcript().toString()).doesNotContain("before the client had finished");
    }
  }

  private static String[] protocolsOrAny(String... protocols) {
    return protocols.length > 0 ? protocols : new String[] {"TLSv1.2", "TLSv1.3"};
  }
}
