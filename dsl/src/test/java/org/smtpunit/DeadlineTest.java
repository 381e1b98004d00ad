package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testing.TestCertificates;
import org.smtpunit.testserver.DripRelay;
import org.smtpunit.testserver.HugeArgumentWarmUp;
import org.smtpunit.testserver.OpenSockets;

/**
 * One deadline per call, whole: however a server drips its bytes (under TLS or not) or stops
 * reading what the client writes, a call ends by its reply timeout, with a typed exception and the
 * session closed. The only timing assertions are the contract's bound: the timeout plus 500 ms.
 */
class DeadlineTest {

  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private static final Duration BOUND = TIMEOUT.plusMillis(500);

  /**
   * For the early replies: long enough that only an early reply, not the deadline, can end the
   * write, on however busy a machine.
   */
  private static final Duration EARLY_TIMEOUT = Duration.ofSeconds(2);

  /** More than the loopback buffers of client and server hold together. */
  private static final int HUGE = 8 * 1024 * 1024;

  @TempDir static Path dir;
  private static TestCertificates.Certificate certificate;

  private ScriptedSmtpServer server;
  private DripRelay relay;

  @BeforeAll
  static void makeCertificate() {
    certificate = TestCertificates.create(dir, "deadline", "ip:127.0.0.1", 0, 30);
    warmUpTls();
    HugeArgumentWarmUp.run(HUGE);
  }

  /**
   * The first handshake of a JVM loads its TLS classes, which on a busy machine alone can take
   * longer than the short deadlines below: do it once, unhurried.
   */
  private static void warmUpTls() {
    try (ScriptedSmtpServer warm =
            ScriptedSmtpServer.start(
                c -> {
                  c.startTls(certificate.serverContext());
                  c.send("220 ready\r\n");
                  c.awaitClientClose();
                });
        SmtpSession smtp =
            client(Duration.ofSeconds(30))
                .tls(TlsMode.IMPLICIT)
                .build()
                .open(warm.host(), warm.port())) {
      assertThat(smtp.greeting().code()).isEqualTo(220);
    }
  }

  @AfterEach
  void stop() {
    if (relay != null) {
      relay.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static SmtpClient.Builder client(Duration timeout) {
    return SmtpClient.builder()
        .replyTimeout(timeout)
        .allowPlaintextAuth(true)
        .trust(certificate.trustStore());
  }

  /** Runs the call and returns what it threw, asserting it ended within the bound. */
  private static <T extends SmtpException> T throwsWithin(
      Duration bound, Class<T> type, Supplier<?> call) {
    long start = System.nanoTime();
    T e = catchThrowableOfType(type, call::get);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(e).as("expected %s", type.getSimpleName()).isNotNull();
    assertThat(took).as("time taken").isLessThan(bound);
    return e;
  }

  private void assertSocketClosed() {
    if (OpenSockets.available()) {
      assertThat(OpenSockets.isOpen(server.conversation().clientPort(), server.port())).isFalse();
    }
  }

  @Test
  void a_tls_record_dripped_after_starttls_cannot_hold_start_tls_past_its_deadline() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("220 2.0.0 Ready to start TLS\r\n");
              c.readBytes(5); // the header of the client's hello
              // A TLS handshake record header, then one byte of its body every 100 ms.
              c.drip(
                  new byte[] {0x16, 0x03, 0x03, 0x00, 0x40, 2, 0, 0, 0x3c, 3, 3, 1, 2, 3, 4, 5},
                  Duration.ofMillis(100));
              c.stopReading();
            });
    try (SmtpSession smtp = client(TIMEOUT).build().open(server.host(), server.port())) {
      SmtpTlsException e = throwsWithin(BOUND, SmtpTlsException.class, smtp::startTls);

      assertThat(e.getMessage())
          .contains("no complete handshake within the reply timeout of 300 ms");
      assertThat(smtp.isOpen()).isFalse();
      assertSocketClosed();
    }
  }

  @Test
  void an_implicit_tls_handshake_dripped_through_a_relay_cannot_hold_open_past_its_deadline() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.startTls(certificate.serverContext());
              c.send("220 ready\r\n");
              c.stopReading();
            });
    relay = DripRelay.to(server, Duration.ofMillis(30), true);
    SmtpClient client = client(TIMEOUT).tls(TlsMode.IMPLICIT).build();

    SmtpTlsException e =
        throwsWithin(BOUND, SmtpTlsException.class, () -> client.open(relay.host(), relay.port()));

    assertThat(e.stage()).isEqualTo(SmtpStage.TLS_HANDSHAKE);
    assertThat(e.transcript().isEmpty()).isFalse();
    if (OpenSockets.available()) {
      assertThat(OpenSockets.isOpen(relay.clientPorts().get(0))).isFalse();
    }
  }

  @Test
  void an_ehlo_reply_dripped_under_tls_times_out_by_the_deadline() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("250-mail1\r\n250 STARTTLS\r\n");
              c.readLine();
              c.send("220 go\r\n");
              c.startTls(certificate.serverContext());
              c.readLine();
              relay.dripping(true);
              c.send("250-mail1.fabrikam.com Hello\r\n250 " + "SIZE ".repeat(200) + "\r\n");
              c.stopReading();
            });
    relay = DripRelay.to(server, Duration.ofMillis(20), false);
    // A second, so that the handshake before the drip completes on however busy a machine.
    Duration second = Duration.ofSeconds(1);
    try (SmtpSession smtp =
        client(second).tls(TlsMode.STARTTLS).build().open(relay.host(), relay.port())) {
      SmtpTimeoutException e =
          throwsWithin(
              second.plusMillis(500), SmtpTimeoutException.class, () -> smtp.ehlo("contoso.com"));

      assertThat(e.stage()).isEqualTo(SmtpStage.EHLO);
      assertThat(smtp.isOpen()).isFalse();
    }
  }

  @Test
  void a_reply_that_never_comes_under_tls_times_out_at_the_deadline_not_twice_it() {
    Duration second = Duration.ofSeconds(1);
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("250-mail1\r\n250 STARTTLS\r\n");
              c.readLine();
              c.send("220 go\r\n");
              c.startTls(certificate.serverContext());
              c.readLine();
              c.stopReading();
            });
    try (SmtpSession smtp =
        client(second).tls(TlsMode.STARTTLS).build().open(server.host(), server.port())) {
      SmtpTimeoutException e =
          throwsWithin(
              second.plusMillis(500), SmtpTimeoutException.class, () -> smtp.ehlo("contoso.com"));

      assertThat(e.getMessage()).startsWith("No complete reply at EHLO within the reply timeout");
      assertSocketClosed();
    }
  }

  /** A server that greets, then reads nothing more. */
  private SmtpSession stopReadingAfterGreeting() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.stopReading();
            });
    return client(TIMEOUT).build().open(server.host(), server.port());
  }

  @Test
  void mail_from_with_a_huge_address_cannot_block_on_a_server_that_stops_reading() {
    String address = "a".repeat(HUGE) + "@contoso.com";
    try (SmtpSession smtp = stopReadingAfterGreeting()) {
      SmtpTimeoutException e =
          throwsWithin(BOUND, SmtpTimeoutException.class, () -> smtp.mailFrom(address));

      assertThat(e.getMessage()).startsWith("The server stopped reading at MAIL FROM");
      assertThat(smtp.isOpen()).isFalse();
      assertSocketClosed();
    }
  }

  @Test
  void a_huge_raw_command_cannot_block_on_a_server_that_stops_reading() {
    String line = "NOOP " + "x".repeat(HUGE);
    try (SmtpSession smtp = stopReadingAfterGreeting()) {
      SmtpTimeoutException e =
          throwsWithin(BOUND, SmtpTimeoutException.class, () -> smtp.command(line));

      assertThat(e.stage()).isEqualTo(SmtpStage.COMMAND);
      assertSocketClosed();
    }
  }

  @Test
  void auth_plain_with_a_huge_password_cannot_block_on_a_server_that_stops_reading() {
    String password = "p".repeat(HUGE);
    try (SmtpSession smtp = stopReadingAfterGreeting()) {
      SmtpTimeoutException e =
          throwsWithin(
              BOUND,
              SmtpTimeoutException.class,
              () -> smtp.auth(AuthMechanism.PLAIN, Credentials.of("chris", password)));

      assertThat(e.stage()).isEqualTo(SmtpStage.AUTH);
      assertThat(e.getMessage()).doesNotContain("pppppppp");
    }
  }

  @Test
  void a_pipeline_of_twenty_thousand_recipients_cannot_block_on_a_server_that_stops_reading() {
    try (SmtpSession smtp = stopReadingAfterGreeting()) {
      Pipeline pipeline = smtp.pipeline().mailFrom("chris@contoso.com");
      for (int i = 0; i < 20_000; i++) {
        pipeline.rcptTo("recipient-number-" + i + "@fabrikam.com");
      }

      SmtpTimeoutException e = throwsWithin(BOUND, SmtpTimeoutException.class, pipeline::send);

      // Loopback buffers may take the whole batch: then the reply to MAIL is what times out.
      assertThat(e.stage()).isIn(SmtpStage.PIPELINE, SmtpStage.MAIL);
      assertSocketClosed();
    }
  }

  @Test
  void an_early_552_while_the_client_still_writes_a_command_is_returned_as_the_reply() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readBytes(64);
              c.send("552 5.3.4 Line too long\r\n");
              c.stopReading();
            });
    String address = "a".repeat(HUGE) + "@contoso.com";
    try (SmtpSession smtp = client(EARLY_TIMEOUT).build().open(server.host(), server.port())) {
      long start = System.nanoTime();
      SmtpReply reply = smtp.mailFrom(address);

      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(EARLY_TIMEOUT.plusMillis(500));
      assertThat(reply).hasToString("552 5.3.4 Line too long");
      assertThat(smtp.isOpen()).isFalse();
      assertThat(smtp.transcript().toString())
          .contains("the server replied before the client had finished writing at MAIL FROM");
      assertSocketClosed();
    }
  }

  @Test
  void an_early_552_during_a_bdat_chunk_is_returned_as_the_reply() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("250-ready\r\n250 CHUNKING\r\n");
              c.readLine();
              c.readBytes(64);
              c.send("552 5.3.4 Message too big\r\n");
              c.stopReading();
            });
    try (SmtpSession smtp = client(EARLY_TIMEOUT).build().open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");

      // One chunk larger than the loopback buffers of both ends hold.
      SmtpReply reply =
          smtp.bdat(MailMessage.raw("Subject: big\r\n\r\n" + "x".repeat(HUGE)), 2 * HUGE);

      assertThat(reply.code()).isEqualTo(552);
      assertThat(smtp.isOpen()).isFalse();
      assertThat(smtp.transcript().toString())
          .contains("the server replied before the client had finished writing at BDAT");
    }
  }

  @Test
  void an_early_552_during_the_content_is_returned_as_the_end_of_data_reply() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("354 go ahead\r\n");
              c.readBytes(64);
              c.send("552 5.3.4 Message too big\r\n");
              c.stopReading();
            });
    try (SmtpSession smtp = client(EARLY_TIMEOUT).build().open(server.host(), server.port())) {
      smtp.data();

      SmtpReply reply = smtp.content(MailMessage.raw("Subject: big\r\n\r\n" + "x".repeat(HUGE)));

      assertThat(reply.code()).isEqualTo(552);
      assertThat(smtp.isOpen()).isFalse();
    }
  }

  @Test
  void an_early_552_followed_by_a_close_during_the_content_is_returned_as_the_reply() {
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("354 go ahead\r\n");
              c.readBytes(64);
              c.send("552 5.3.4 Message too big\r\n");
              c.close(); // at once: the client's next write fails before any tick of its watchdog
            });
    MailMessage message = MailMessage.raw("Subject: big\r\n\r\n" + "x".repeat(HUGE));
    try (SmtpSession smtp = client(EARLY_TIMEOUT).build().open(server.host(), server.port())) {
      smtp.data();

      SmtpReply reply = smtp.content(message);

      assertThat(reply).hasToString("552 5.3.4 Message too big");
      assertThat(smtp.isOpen()).isFalse();
      assertThat(smtp.transcript().toString())
          .contains("the server replied before the client had finished writing at content");
    }
  }
}
