package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smtpunit.assertions.SmtpAssertions;
import org.smtpunit.testing.ScriptedSmtpServer;

/** Every reply knows how long it took; {@code arrivedWithin} asserts on it. */
class ReplyTimingTest {

  private static final SmtpClient CLIENT =
      SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).build();

  @Test
  void a_greeting_delayed_300_ms_reports_at_least_300_ms_and_fails_arrived_within_100_ms() {
    try (ScriptedSmtpServer server =
            ScriptedSmtpServer.start(
                c -> {
                  Thread.sleep(300);
                  c.send("220 slow.fabrikam.com ESMTP\r\n");
                  c.awaitClientClose();
                });
        SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      SmtpReply greeting = smtp.greeting();

      assertThat(greeting.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      SmtpAssertions.assertThat(greeting).arrivedWithin(Duration.ofSeconds(5));
      assertThatThrownBy(
              () -> SmtpAssertions.assertThat(greeting).arrivedWithin(Duration.ofMillis(100)))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith(
              String.format(
                  "%nExpecting reply:%n  220 slow.fabrikam.com ESMTP%n"
                      + "to have arrived within:%n  100 ms%nbut it took:%n  "
                      + greeting.elapsed().toMillis()
                      + " ms%nTranscript:"));
    }
  }

  @Test
  void a_reply_counts_from_the_command_not_from_the_connection() {
    try (ScriptedSmtpServer server =
            ScriptedSmtpServer.start(
                c -> {
                  c.send("220 ready\r\n");
                  c.readLine();
                  Thread.sleep(300);
                  c.send("250 2.0.0 OK\r\n");
                  c.awaitClientClose();
                });
        SmtpSession smtp = CLIENT.open(server.host(), server.port())) {
      SmtpReply noop = smtp.noop();

      assertThat(noop.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(smtp.transcript().entries())
          .filteredOn(e -> e.line().equals("250 2.0.0 OK"))
          .singleElement()
          .extracting(TranscriptEntry::elapsed)
          .isEqualTo(Optional.of(noop.elapsed()));
    }
  }

  @Test
  void a_reply_built_by_hand_took_no_time_and_still_equals_the_same_reply_from_a_server() {
    SmtpReply byHand = SmtpReply.of(250, "2.0.0 OK");

    assertThat(byHand.elapsed()).isEqualTo(Duration.ZERO);
    assertThat(byHand).isEqualTo(new SmtpReply(250, List.of("2.0.0 OK"), Transcript.empty()));
  }
}
