package org.smtpunit.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.smtpunit.ConnectFailure;
import org.smtpunit.ConnectionProbe;
import org.smtpunit.EhloReply;
import org.smtpunit.SmtpConnectException;
import org.smtpunit.SmtpReply;
import org.smtpunit.Transcript;
import org.smtpunit.TranscriptEntry;
import org.smtpunit.TranscriptEntry.Direction;

/**
 * Every assertion passing and failing, with exact messages. This file statically imports both
 * AssertJ's {@code assertThat} and ours, which is itself the proof that they coexist.
 */
class SmtpAssertionsTest {

  private static final Transcript TRANSCRIPT =
      new Transcript(
          List.of(
              entry(Direction.SENT, "RCPT TO:<nobody@fabrikam.com> NOTIFY=SUCCESS"),
              entry(Direction.RECEIVED, "550 5.1.1 User unknown")));
  private static final SmtpReply UNKNOWN_USER =
      new SmtpReply(550, List.of("5.1.1 User unknown"), TRANSCRIPT);
  private static final EhloReply EHLO =
      new EhloReply(SmtpReply.of(250, "mail1.fabrikam.com Hello", "SIZE 1000", "AUTH LOGIN"));

  private static TranscriptEntry entry(Direction direction, String line) {
    return new TranscriptEntry(direction, line, Instant.EPOCH, Optional.empty());
  }

  @Test
  void both_entry_points_can_be_imported_statically_together() {
    assertThat(UNKNOWN_USER).hasCode(550);
    assertThat("x").isNotBlank();
    assertThat(List.of(1)).hasSize(1);
    assertThat(Optional.empty()).isEmpty();
    assertThat(new IllegalStateException("boom")).hasMessage("boom");
    assertThat(1).isOne();
  }

  @Test
  void hasCode_fails_showing_the_reply_as_on_the_wire_and_the_transcript_with_a_diff() {
    Throwable failure = catchThrowable(() -> assertThat(UNKNOWN_USER).hasCode(250));

    assertThat(failure)
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            String.format(
                "%nExpecting reply:%n  550 5.1.1 User unknown%nto have code:%n  250%n"
                    + "Transcript:%n"
                    + " -> RCPT TO:<nobody@fabrikam.com> NOTIFY=SUCCESS%n"
                    + "<-  550 5.1.1 User unknown"));
    AssertionFailedError diff = (AssertionFailedError) failure;
    assertThat(diff.getActual().getValue()).isEqualTo(550);
    assertThat(diff.getExpected().getValue()).isEqualTo(250);
  }

  @Test
  void hasEnhancedStatus_says_when_the_server_sent_none() {
    assertThat(UNKNOWN_USER).hasEnhancedStatus("5.1.1");

    assertThatThrownBy(() -> assertThat(SmtpReply.of(250, "OK")).hasEnhancedStatus("2.1.0"))
        .hasMessage(
            String.format(
                "%nExpecting reply:%n  250 OK%nto have enhanced status code:%n  2.1.0%n"
                    + "but it has none (does the server advertise ENHANCEDSTATUSCODES?)"));
    assertThatThrownBy(() -> assertThat(UNKNOWN_USER).hasEnhancedStatus("5.1.7"))
        .hasMessageContaining(
            String.format("to have enhanced status code:%n  5.1.7%nbut it has 5.1.1"));
  }

  @Test
  void reply_classes_pass_and_fail_with_the_class_named() {
    assertThat(SmtpReply.of(354, "go")).isSuccess().isPositiveIntermediate();
    assertThat(SmtpReply.of(250, "ok")).isSuccess().isPositiveCompletion();
    assertThat(SmtpReply.of(451, "later")).isNegative().isTransientNegative();
    assertThat(UNKNOWN_USER).isNegative().isPermanentNegative();

    assertThatThrownBy(() -> assertThat(UNKNOWN_USER).isSuccess())
        .hasMessageStartingWith(
            String.format(
                "%nExpecting reply:%n  550 5.1.1 User unknown%nto be a success (2xx or 3xx)%n"
                    + "Transcript:"));
    assertThatThrownBy(() -> assertThat(SmtpReply.of(250, "ok")).isNegative())
        .hasMessage(String.format("%nExpecting reply:%n  250 ok%nto be negative (4xx or 5xx)"));
    assertThatThrownBy(() -> assertThat(SmtpReply.of(250, "ok")).isPermanentNegative())
        .hasMessageContaining("a permanent negative reply (5xx)");
    assertThatThrownBy(() -> assertThat(SmtpReply.of(550, "no")).isTransientNegative())
        .hasMessageContaining("a transient negative reply (4xx)");
    assertThatThrownBy(() -> assertThat(SmtpReply.of(250, "ok")).isPositiveIntermediate())
        .hasMessageContaining("a positive intermediate reply (3xx)");
    assertThatThrownBy(() -> assertThat(SmtpReply.of(354, "go")).isPositiveCompletion())
        .hasMessageContaining("a positive completion (2xx)");
  }

  @Test
  void text_assertions_show_multi_line_replies_indented_and_survive_percent_signs() {
    SmtpReply reply = SmtpReply.of(250, "100% done", "second line");
    assertThat(reply).hasTextContaining("100%").hasTextMatching("(?s)100% done.*line");

    assertThatThrownBy(() -> assertThat(reply).hasTextContaining("queued"))
        .hasMessage(
            String.format(
                "%nExpecting reply:%n  250-100%% done%n  250 second line%nto have text containing:%n"
                    + "  queued"));
    assertThatThrownBy(() -> assertThat(reply).hasTextMatching("\\d+"))
        .hasMessageContaining(String.format("to have text matching:%n  \\d+"));
    assertThatThrownBy(() -> assertThat(SmtpReply.of(550, "50% off")).hasCode(250))
        .hasMessageContaining("550 50% off");
  }

  @Test
  void ehlo_assertions_check_capabilities() {
    assertThat(EHLO)
        .isSuccess()
        .hasCode(250)
        .supports("size")
        .doesNotSupport("STARTTLS")
        .supportsAuthMechanism("login")
        .hasMaxSizeAtLeast(1000);

    assertThatThrownBy(() -> assertThat(EHLO).supports("STARTTLS"))
        .hasMessage(
            String.format(
                "%nExpecting EHLO reply:%n  250-mail1.fabrikam.com Hello%n  250-SIZE 1000%n"
                    + "  250 AUTH LOGIN%nto advertise:%n  STARTTLS"));
    assertThatThrownBy(() -> assertThat(EHLO).doesNotSupport("AUTH"))
        .hasMessageContaining(String.format("not to advertise:%n  AUTH"));
    assertThatThrownBy(() -> assertThat(EHLO).supportsAuthMechanism("PLAIN"))
        .hasMessageEndingWith(
            String.format(
                "to advertise AUTH mechanism:%n  PLAIN%nbut the AUTH mechanisms were:%n  [LOGIN]"));
    assertThatThrownBy(() -> assertThat(EHLO).hasMaxSizeAtLeast(1001))
        .hasMessageEndingWith(
            String.format(
                "to advertise a SIZE of at least:%n  1001L%nbut it advertises SIZE 1000"));
  }

  @Test
  void transcript_assertions_find_commands_and_codes_and_never_print_a_hidden_text() {
    assertThat(TRANSCRIPT)
        .containsCommand("rcpt to:<nobody@fabrikam.com>")
        .containsCommand("RCPT TO:<nobody@fabrikam.com> NOTIFY=SUCCESS")
        .containsReplyCode(550)
        .doesNotContain("secret");

    assertThatThrownBy(() -> assertThat(TRANSCRIPT).containsCommand("RCPT TO:<nobody"))
        .hasMessageContaining(String.format("to contain the command:%n  RCPT TO:<nobody"));
    assertThatThrownBy(() -> assertThat(TRANSCRIPT).containsReplyCode(250))
        .hasMessage(
            String.format(
                "%nExpecting transcript:%n   -> RCPT TO:<nobody@fabrikam.com> NOTIFY=SUCCESS%n"
                    + "  <-  550 5.1.1 User unknown%nto contain a reply with code:%n  250"));
    assertThatThrownBy(() -> assertThat(TRANSCRIPT).doesNotContain("User unknown"))
        .hasMessage(
            String.format(
                "%nExpecting transcript not to contain the given text,%nbut line 2 of 2 contains"
                    + " it (the text is not shown, it may be a secret)"));
  }

  @Test
  void connection_assertions_name_the_failure() {
    SmtpConnectException refused =
        new SmtpConnectException(
            SmtpConnectException.describe("mail1.fabrikam.com", 25, ConnectFailure.REFUSED, ""),
            ConnectFailure.REFUSED,
            Transcript.empty(),
            null);
    assertThat(refused).hasFailure(ConnectFailure.REFUSED).hasMessageContaining("port 25");
    assertThatThrownBy(() -> assertThat(refused).hasFailure(ConnectFailure.TIMED_OUT))
        .hasMessage(
            String.format(
                "%nExpecting connection failure:%n  Could not open connection to"
                    + " mail1.fabrikam.com on port 25: connection refused%nto have failed with:%n"
                    + "  TIMED_OUT%nbut it failed with REFUSED"));

    ConnectionProbe open =
        new ConnectionProbe(
            "127.0.0.1",
            25,
            Optional.of(SmtpReply.of(220, "ready")),
            Optional.empty(),
            Duration.ofMillis(3),
            Transcript.empty());
    ConnectionProbe failed =
        new ConnectionProbe(
            "127.0.0.1",
            25,
            Optional.empty(),
            Optional.of(ConnectFailure.REFUSED),
            Duration.ofMillis(3),
            Transcript.empty());
    assertThat(open).isOpen();
    assertThat(failed).failedWith(ConnectFailure.REFUSED);
    assertThatThrownBy(() -> assertThat(failed).isOpen())
        .hasMessage(
            String.format(
                "%nExpecting the connection probe:%n  127.0.0.1:25 failed: REFUSED in 3 ms%n"
                    + "to be open, but it failed with:%n  REFUSED"));
    assertThatThrownBy(() -> assertThat(open).failedWith(ConnectFailure.REFUSED))
        .hasMessageEndingWith("but it was open with greeting 220 ready");
  }

  @Test
  void soft_assertions_collect_every_failure() {
    SmtpSoftAssertions softly = new SmtpSoftAssertions();
    softly.assertThat(UNKNOWN_USER).hasCode(250).hasEnhancedStatus("2.1.5");
    softly.assertThat(EHLO).supports("DSN");
    softly.assertThat(TRANSCRIPT).containsReplyCode(250);
    softly.assertThat("Test from Contoso").startsWith("Re:");

    assertThat(softly.errorsCollected()).hasSize(5);
    assertThatThrownBy(softly::assertAll)
        .hasMessageContaining("Multiple Failures (5 failures)")
        .hasMessageContaining("to have code:")
        .hasMessageContaining("to advertise:");
  }
}
