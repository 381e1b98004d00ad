package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpunit.testing.ScriptedSmtpServer;

/**
 * Servers that break the conversation: close early, never answer, drip, stop reading. None of them
 * may make the client hang past its reply timeout.
 */
class ConversationFaultsTest {

  private static final Duration SHORT = Duration.ofMillis(400);
  private static final SmtpClient CLIENT = SmtpClient.builder().replyTimeout(SHORT).build();

  private ScriptedSmtpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private SmtpSession open(ScriptedSmtpServer.Script script) {
    server = ScriptedSmtpServer.start(script);
    return CLIENT.open(server.host(), server.port());
  }

  @Test
  void server_closing_before_its_reply_gives_connection_closed_with_the_stage() {
    try (SmtpSession smtp =
        open(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
            })) {
      SmtpConnectionClosedException e =
          catchThrowableOfType(SmtpConnectionClosedException.class, () -> smtp.ehlo("contoso.com"));

      assertThat(e.stage()).isEqualTo(SmtpStage.EHLO);
      assertThat(e.getMessage())
          .startsWith("Connection closed at EHLO: the server closed the connection before replying")
          .contains(" -> EHLO contoso.com");
    }
  }

  @Test
  void server_closing_inside_a_multi_line_reply_keeps_what_arrived() {
    try (SmtpSession smtp =
        open(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("250-mail1.fabrikam.com\r\n250-SIZE");
            })) {
      SmtpConnectionClosedException e =
          catchThrowableOfType(SmtpConnectionClosedException.class, () -> smtp.ehlo("contoso.com"));

      assertThat(e.getMessage())
          .startsWith(
              "Connection closed at EHLO: the server closed the connection after a partial line"
                  + " [250-SIZE]");
      assertThat(e.transcript().toString()).contains("<-  250-mail1.fabrikam.com");
    }
  }

  @Test
  void server_closing_before_greeting_gives_connection_closed_at_greeting() {
    server = ScriptedSmtpServer.start(c -> c.close());

    assertThatThrownBy(() -> CLIENT.open(server.host(), server.port()))
        .isInstanceOf(SmtpConnectionClosedException.class)
        .hasMessageStartingWith("Connection closed at greeting");
  }

  @Test
  void no_greeting_times_out_within_the_reply_timeout() {
    server = ScriptedSmtpServer.start(c -> c.awaitClientClose());

    SmtpTimeoutException e =
        catchThrowableOfType(
            SmtpTimeoutException.class, () -> CLIENT.open(server.host(), server.port()));

    assertThat(e.stage()).isEqualTo(SmtpStage.GREETING);
    assertThat(e.getMessage())
        .startsWith("No complete reply at greeting within the reply timeout of 400 ms");
  }

  @Test
  void a_reply_that_never_completes_times_out() {
    try (SmtpSession smtp =
        open(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("250-first line but never a last one\r\n");
              c.awaitClientClose();
            })) {
      SmtpTimeoutException e = catchThrowableOfType(SmtpTimeoutException.class, smtp::noop);

      assertThat(e.stage()).isEqualTo(SmtpStage.NOOP);
      assertThat(smtp.isOpen()).isFalse();
    }
  }

  @Test
  void a_server_dripping_one_byte_at_a_time_hits_the_deadline_for_the_whole_reply() {
    CountDownLatch stop = new CountDownLatch(1);
    try (SmtpSession smtp =
        open(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              // Each byte arrives well inside the timeout, the whole reply never does.
              for (int i = 0; i < 200 && stop.getCount() > 0; i++) {
                c.send("2");
                stop.await(50, TimeUnit.MILLISECONDS);
              }
            })) {
      SmtpTimeoutException e = catchThrowableOfType(SmtpTimeoutException.class, smtp::noop);

      assertThat(e.getMessage()).contains("received so far: [222");
    } finally {
      stop.countDown();
    }
  }

  @Test
  void a_server_that_stops_reading_cannot_block_a_large_message() {
    CountDownLatch release = new CountDownLatch(1);
    try (SmtpSession smtp =
        open(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("354 go ahead\r\n");
              release.await(10, TimeUnit.SECONDS); // never reads the content
            })) {
      smtp.data();
      MailMessage huge = MailMessage.raw("Subject: big\r\n\r\n" + "x".repeat(16 * 1024 * 1024));

      SmtpTimeoutException e =
          catchThrowableOfType(SmtpTimeoutException.class, () -> smtp.content(huge));

      assertThat(e.stage()).isEqualTo(SmtpStage.CONTENT);
      assertThat(e.getMessage()).startsWith("The server stopped reading at content");
    } finally {
      release.countDown();
    }
  }

  @Test
  void no_reply_after_the_final_dot_says_the_outcome_is_unknown_and_sends_nothing_again() {
    try (SmtpSession smtp =
        open(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("354 go ahead\r\n");
              c.readData();
              c.awaitClientClose();
            })) {
      smtp.data();

      SmtpTimeoutException e =
          catchThrowableOfType(
              SmtpTimeoutException.class,
              () -> smtp.content(MailMessage.raw("Subject: once\r\n\r\nbody")));

      assertThat(e.stage()).isEqualTo(SmtpStage.CONTENT);
      assertThat(e.getMessage())
          .contains("The outcome is unknown: the server may have accepted the message");
      smtp.close();
      server.conversation().awaitClientClose();
      assertThat(server.conversation().lines()).containsOnlyOnce("Subject: once");
    }
  }

  @Test
  void a_421_is_returned_as_a_reply_and_ends_the_session() {
    try (SmtpSession smtp =
        open(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("421 4.3.2 Service shutting down\r\n");
            })) {
      SmtpReply reply = smtp.mailFrom("chris@contoso.com");

      assertThat(reply.code()).isEqualTo(421);
      assertThat(smtp.isOpen()).isFalse();
      assertThatThrownBy(smtp::noop)
          .isInstanceOf(SmtpConnectionClosedException.class)
          .hasMessageStartingWith(
              "Cannot send NOOP to 127.0.0.1: the server closed the session with [421 4.3.2"
                  + " Service shutting down]; nothing was sent");
    }
  }

  @Test
  void a_554_greeting_is_returned_for_the_test_to_assert() {
    try (SmtpSession smtp =
        open(
            c -> {
              c.send("554 5.7.1 No SMTP service here\r\n");
              c.awaitClientClose();
            })) {
      assertThat(smtp.greeting().code()).isEqualTo(554);
      assertThat(smtp.greeting().enhancedStatus()).hasValue(EnhancedStatus.parse("5.7.1"));
    }
  }

  @Test
  void close_is_idempotent_and_releases_the_socket() {
    SmtpSession smtp =
        open(
            c -> {
              c.send("220 ready\r\n");
              c.awaitClientClose();
            });

    smtp.close();
    smtp.close();

    assertThat(smtp.isOpen()).isFalse();
    server.conversation().awaitClientClose();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.openConnections() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(server.openConnections()).isZero();
    assertThatThrownBy(smtp::noop).isInstanceOf(SmtpConnectionClosedException.class);
  }

  @Test
  void quit_reads_221_and_closes_the_connection() {
    try (SmtpSession smtp =
        open(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("221 2.0.0 Bye\r\n");
              c.awaitClientClose();
            })) {
      assertThat(smtp.quit().code()).isEqualTo(221);
      assertThat(smtp.isOpen()).isFalse();
    }
  }
}
