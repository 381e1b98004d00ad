package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reply model, ESMTP parameters and transcript rendering. */
class ValuesTest {

  @Test
  void a_reply_reads_like_the_wire() {
    assertThat(SmtpReply.of(250, "2.1.0 Sender OK")).hasToString("250 2.1.0 Sender OK");
    assertThat(SmtpReply.of(250, "mail1", "SIZE 10")).hasToString("250-mail1\n250 SIZE 10");
  }

  @Test
  void enhanced_status_is_present_only_when_its_class_matches_the_code() {
    assertThat(SmtpReply.of(550, "5.1.1 User unknown").enhancedStatus())
        .hasValue(new EnhancedStatus(5, 1, 1));
    assertThat(SmtpReply.of(250, "5.1.1 odd").enhancedStatus()).isEmpty();
    assertThat(SmtpReply.of(250, "2.6.0").enhancedStatus()).hasValue(EnhancedStatus.parse("2.6.0"));
    assertThat(SmtpReply.of(354, "Start mail input").enhancedStatus()).isEmpty();
    assertThat(SmtpReply.of(250, "mail1.fabrikam.com Hello").enhancedStatus()).isEmpty();
    assertThat(EnhancedStatus.parse("2.1.0")).hasToString("2.1.0");
  }

  @Test
  void reply_classes_follow_rfc_5321() {
    SmtpReply ok = SmtpReply.of(250, "OK");
    SmtpReply go = SmtpReply.of(354, "go");
    SmtpReply later = SmtpReply.of(451, "later");
    SmtpReply never = SmtpReply.of(550, "never");

    assertThat(
            List.of(
                ok.isPositiveCompletion(),
                go.isPositiveIntermediate(),
                later.isTransientNegative(),
                never.isPermanentNegative()))
        .containsOnly(true);
    assertThat(go.isSuccess()).isTrue();
    assertThat(later.isSuccess()).isFalse();
    assertThat(ok.isPermanentNegative()).isFalse();
  }

  @Test
  void replies_are_equal_by_code_and_lines_whatever_their_transcript() {
    Transcript some =
        new Transcript(
            List.of(
                new TranscriptEntry(
                    TranscriptEntry.Direction.SENT, "NOOP", Instant.EPOCH, Optional.empty())));
    assertThat(new SmtpReply(250, List.of("OK"), some)).isEqualTo(SmtpReply.of(250, "OK"));
    assertThat(SmtpReply.of(250, "OK")).isNotEqualTo(SmtpReply.of(251, "OK"));
  }

  @Test
  void refuses_invalid_values_naming_them() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SmtpReply.of(199, "x"))
        .withMessage("Reply code must be 200 to 599, was [199]");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EnhancedStatus.parse("2.1"))
        .withMessage("Not an RFC 3463 enhanced status code [2.1]: expected x.y.z");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RcptParameter.notify(Notify.NEVER, Notify.SUCCESS))
        .withMessageStartingWith("NOTIFY=NEVER must stand alone");
    assertThatIllegalArgumentException().isThrownBy(() -> MailParameter.of("-X", "1"));
    assertThatIllegalArgumentException().isThrownBy(() -> MailParameter.of("X", "a b"));
    assertThatIllegalArgumentException().isThrownBy(() -> MailParameter.size(-1));
  }

  @Test
  void esmtp_parameters_render_as_sent() {
    assertThat(RcptParameter.notify(Notify.SUCCESS, Notify.FAILURE))
        .hasToString("NOTIFY=SUCCESS,FAILURE");
    assertThat(RcptParameter.notify(Notify.NEVER)).hasToString("NOTIFY=NEVER");
    assertThat(RcptParameter.orcpt("kåre+x@fabrikam.com"))
        .hasToString("ORCPT=rfc822;k+C3+A5re+2Bx@fabrikam.com");
    assertThat(MailParameter.body8BitMime()).hasToString("BODY=8BITMIME");
    assertThat(MailParameter.smtpUtf8()).hasToString("SMTPUTF8");
    assertThat(MailParameter.ret(Ret.FULL)).hasToString("RET=FULL");
  }

  @Test
  void ehlo_capabilities_are_parsed_case_insensitively() {
    EhloReply ehlo =
        new EhloReply(
            SmtpReply.of(
                250,
                "mail1.fabrikam.com Hello [127.0.0.1]",
                "SIZE 36700160",
                "pipelining",
                "AUTH login PLAIN",
                "AUTH=NTLM",
                "STARTTLS"));

    assertThat(ehlo.keywords()).containsExactly("SIZE", "PIPELINING", "AUTH", "STARTTLS");
    assertThat(ehlo.supports("PipeLining")).isTrue();
    assertThat(ehlo.supports("DSN")).isFalse();
    assertThat(ehlo.maxSize()).hasValue(36700160);
    assertThat(ehlo.authMechanisms()).containsExactly("LOGIN", "PLAIN", "NTLM");
    assertThat(ehlo.parameters("size")).containsExactly("36700160");
    assertThat(ehlo.serverGreeting()).hasValue("mail1.fabrikam.com Hello [127.0.0.1]");
    assertThat(new EhloReply(SmtpReply.of(501, "5.5.4 Invalid domain name")).keywords()).isEmpty();
  }

  @Test
  void ehlo_parameters_split_at_any_white_space_and_repeated_keywords_merge() {
    EhloReply ehlo =
        new EhloReply(
            SmtpReply.of(
                250,
                "mail1.fabrikam.com",
                "  AUTH\tLOGIN  \u000bPLAIN\f",
                "auth=LOGIN CRAM-MD5",
                " ",
                "SIZE"));

    assertThat(ehlo.keywords()).containsExactly("AUTH", "SIZE");
    assertThat(ehlo.parameters("AUTH")).containsExactly("LOGIN", "PLAIN", "CRAM-MD5");
    assertThat(ehlo.parameters("SIZE")).isEmpty();
    assertThat(ehlo.maxSize()).isEmpty();
  }

  @Test
  void a_transcript_renders_like_a_session_log_and_writes_to_a_file(@TempDir Path dir)
      throws Exception {
    Transcript transcript =
        new Transcript(
            List.of(
                new TranscriptEntry(
                    TranscriptEntry.Direction.NOTE, "Connected", Instant.EPOCH, Optional.empty()),
                new TranscriptEntry(
                    TranscriptEntry.Direction.RECEIVED,
                    "220 mail1.fabrikam.com ESMTP",
                    Instant.EPOCH,
                    Optional.of(Duration.ofMillis(3))),
                new TranscriptEntry(
                    TranscriptEntry.Direction.SENT,
                    "EHLO contoso.com",
                    Instant.EPOCH,
                    Optional.empty())));
    String log = "=== Connected\n<-  220 mail1.fabrikam.com ESMTP\n -> EHLO contoso.com\n";

    assertThat(transcript).hasToString(log);
    Path file = dir.resolve("missing/dir/session.log");
    transcript.writeTo(file);
    assertThat(Files.readString(file)).isEqualTo(log);
    assertThat(transcript.tail(1).entries())
        .extracting(TranscriptEntry::line)
        .containsExactly("EHLO contoso.com");
  }
}
