package org.smtpunit.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smtpunit.EhloReply;
import org.smtpunit.SmtpReply;
import org.smtpunit.Transcript;
import org.smtpunit.TranscriptEntry;
import org.smtpunit.TranscriptEntry.Direction;

/**
 * {@code hasCodeIn} and {@code hasEnhancedStatusStartingWith}: checks at what the protocol
 * guarantees, so that servers which answer differently and are still right pass (issue #11).
 */
class ReplyFamilyAssertionsTest {

  private static final SmtpReply UNKNOWN_USER = SmtpReply.of(550, "5.1.1 User unknown");

  private static TranscriptEntry entry(Direction direction, String line) {
    return new TranscriptEntry(direction, line, Instant.EPOCH, Optional.empty());
  }

  private static SmtpReply bareReplyAfterEhlo(String... ehloReplyLines) {
    List<TranscriptEntry> entries = new java.util.ArrayList<>();
    entries.add(entry(Direction.RECEIVED, "220 mail1.fabrikam.com ESMTP"));
    entries.add(entry(Direction.SENT, "EHLO contoso.com"));
    for (String line : ehloReplyLines) {
      entries.add(entry(Direction.RECEIVED, line));
    }
    entries.add(entry(Direction.SENT, "RCPT TO:<nobody@fabrikam.com>"));
    entries.add(entry(Direction.RECEIVED, "550 Invalid recipient"));
    return new SmtpReply(550, List.of("Invalid recipient"), new Transcript(entries));
  }

  @Test
  void hasCodeIn_passes_for_any_of_the_codes_a_conformant_server_may_send() {
    assertThat(SmtpReply.of(553, "5.1.0 Bad sender")).hasCodeIn(501, 553);
    assertThat(SmtpReply.of(501, "5.1.7 Bad sender")).hasCodeIn(501, 553);
    assertThat(new EhloReply(SmtpReply.of(250, "mail1"))).hasCodeIn(250);
  }

  @Test
  void hasCodeIn_fails_listing_the_codes_and_showing_the_transcript() {
    Transcript transcript =
        new Transcript(
            List.of(
                entry(Direction.SENT, "MAIL FROM:<chris@@contoso.com>"),
                entry(Direction.RECEIVED, "250 2.1.0 Sender OK")));
    SmtpReply accepted = new SmtpReply(250, List.of("2.1.0 Sender OK"), transcript);

    assertThatThrownBy(() -> assertThat(accepted).hasCodeIn(501, 553))
        .hasMessage(
            String.format(
                "%nExpecting reply:%n  250 2.1.0 Sender OK%nto have one of the codes:%n"
                    + "  [501, 553]%nTranscript:%n"
                    + " -> MAIL FROM:<chris@@contoso.com>%n"
                    + "<-  250 2.1.0 Sender OK"));
  }

  @Test
  void hasCodeIn_without_codes_is_an_illegal_argument() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> assertThat(UNKNOWN_USER).hasCodeIn())
        .withMessage("hasCodeIn needs at least one expected code");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> assertThat(UNKNOWN_USER).hasCodeIn((int[]) null));
  }

  @Test
  void hasEnhancedStatusStartingWith_matches_class_and_subject_part_by_part() {
    assertThat(UNKNOWN_USER)
        .hasEnhancedStatusStartingWith("5")
        .hasEnhancedStatusStartingWith("5.1")
        .hasEnhancedStatusStartingWith("5.1.1");
    assertThat(SmtpReply.of(550, "5.1.10 Recipient address rejected"))
        .hasEnhancedStatusStartingWith("5.1");
    assertThat(new EhloReply(SmtpReply.of(250, "2.0.0 mail1 Hello")))
        .hasEnhancedStatusStartingWith("2.0");

    assertThatThrownBy(
            () ->
                assertThat(SmtpReply.of(550, "5.10.0 Bad address"))
                    .hasEnhancedStatusStartingWith("5.1"))
        .hasMessageEndingWith(String.format("starting with:%n  5.1%nbut it has 5.10.0"));
  }

  @Test
  void hasEnhancedStatusStartingWith_fails_with_the_status_the_reply_has() {
    assertThatThrownBy(() -> assertThat(UNKNOWN_USER).hasEnhancedStatusStartingWith("5.7"))
        .hasMessage(
            String.format(
                "%nExpecting reply:%n  550 5.1.1 User unknown%n"
                    + "to have an enhanced status code starting with:%n  5.7%n"
                    + "but it has 5.1.1"));
  }

  @Test
  void a_missing_enhanced_status_is_explained_from_the_sessions_own_ehlo_reply() {
    SmtpReply advertised =
        bareReplyAfterEhlo("250-mail1.fabrikam.com Hello", "250-ENHANCEDSTATUSCODES", "250 DSN");
    SmtpReply notAdvertised = bareReplyAfterEhlo("250-mail1.fabrikam.com Hello", "250 DSN");

    assertThatThrownBy(() -> assertThat(advertised).hasEnhancedStatusStartingWith("5.1"))
        .hasMessageStartingWith(
            String.format(
                "%nExpecting reply:%n  550 Invalid recipient%n"
                    + "to have an enhanced status code starting with:%n  5.1%n"
                    + "but it has none (although the server's EHLO reply advertises"
                    + " ENHANCEDSTATUSCODES)%nTranscript:%n"));
    assertThatThrownBy(() -> assertThat(notAdvertised).hasEnhancedStatusStartingWith("5.1"))
        .hasMessageContaining(
            "but it has none (the server's EHLO reply does not advertise ENHANCEDSTATUSCODES)");
    assertThatThrownBy(() -> assertThat(notAdvertised).hasEnhancedStatus("5.1.1"))
        .hasMessageContaining(
            "but it has none (the server's EHLO reply does not advertise ENHANCEDSTATUSCODES)");
    assertThatThrownBy(
            () ->
                assertThat(SmtpReply.of(550, "Invalid recipient"))
                    .hasEnhancedStatusStartingWith("5"))
        .hasMessageEndingWith("but it has none (does the server advertise ENHANCEDSTATUSCODES?)");
  }

  @Test
  void a_malformed_status_prefix_is_an_illegal_argument_naming_it() {
    for (String bad : new String[] {"", "5.", "5.1.", "3.1", "x.1", "5.1.1.1", "5.1000", " 5.1"}) {
      assertThatIllegalArgumentException()
          .as(bad)
          .isThrownBy(() -> assertThat(UNKNOWN_USER).hasEnhancedStatusStartingWith(bad))
          .withMessage(
              "Not an RFC 3463 enhanced status prefix ["
                  + bad
                  + "]: expected a class, class.subject or class.subject.detail such as 5.1");
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> assertThat(UNKNOWN_USER).hasEnhancedStatusStartingWith(null))
        .withMessageStartingWith("Not an RFC 3463 enhanced status prefix [null]");
  }

  @Test
  void soft_assertions_collect_both_new_checks() {
    SmtpSoftAssertions softly = new SmtpSoftAssertions();
    softly.assertThat(UNKNOWN_USER).hasCodeIn(250, 251).hasEnhancedStatusStartingWith("2.1");
    softly.assertThat(new EhloReply(SmtpReply.of(250, "mail1"))).hasCodeIn(220);

    assertThat(softly.errorsCollected())
        .extracting(Throwable::getMessage)
        .satisfiesExactly(
            first -> assertThat(first).contains("to have one of the codes:"),
            second -> assertThat(second).contains("starting with:"),
            third -> assertThat(third).contains(String.format("one of the codes:%n  [220]")));
  }
}
