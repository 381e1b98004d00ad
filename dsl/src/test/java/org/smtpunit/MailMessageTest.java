package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MailMessageTest {

  private static String wire(MailMessage message) {
    return new String(message.toWireBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void sends_the_walkthrough_message_exactly_with_the_final_dot_line() {
    MailMessage message =
        MailMessage.raw("Subject:Test from Contoso\r\n\r\nThis is a test message");

    assertThat(wire(message))
        .isEqualTo("Subject:Test from Contoso\r\n\r\nThis is a test message\r\n.\r\n");
  }

  @Test
  void converts_bare_lf_and_bare_cr_to_crlf() {
    assertThat(wire(MailMessage.raw("a\nb\rc\r\nd\n"))).isEqualTo("a\r\nb\r\nc\r\nd\r\n.\r\n");
  }

  @Test
  void dot_stuffs_lines_that_start_with_a_dot() {
    // RFC 5321 §4.5.2: a line of one dot would otherwise end the data early.
    assertThat(wire(MailMessage.raw("Subject: x\r\n\r\n.\r\n..two\r\nmid.dot\r\n.")))
        .isEqualTo("Subject: x\r\n\r\n..\r\n...two\r\nmid.dot\r\n..\r\n.\r\n");
  }

  @Test
  void builder_adds_date_and_message_id_unless_given() {
    String built =
        MailMessage.builder()
            .from("chris@contoso.com")
            .to("kate@fabrikam.com")
            .subject("Test from Contoso")
            .body("This is a test message")
            .build()
            .content();

    assertThat(built)
        .containsPattern(
            "(?m)^Date: \\w{3}, \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}$")
        .containsPattern("(?m)^Message-ID: <[0-9a-f-]{36}@contoso\\.com>$")
        .contains("From: chris@contoso.com\r\nTo: kate@fabrikam.com\r\n")
        .contains("Subject: Test from Contoso\r\n")
        .endsWith("\r\n\r\nThis is a test message");

    String given =
        MailMessage.builder()
            .header("Date", "Sat, 28 Nov 2026 07:00:00 +0000")
            .header("Message-ID", "<fixed@contoso.com>")
            .build()
            .content();
    assertThat(given)
        .isEqualTo(
            "Date: Sat, 28 Nov 2026 07:00:00 +0000\r\nMessage-ID: <fixed@contoso.com>\r\n\r\n");
  }

  @Test
  void writes_the_date_as_the_rfc_5322_pattern_prints_it_in_english() {
    DateTimeFormatter pattern =
        DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    for (ZonedDateTime time :
        List.of(
            ZonedDateTime.of(2026, 11, 28, 7, 0, 0, 0, ZoneOffset.UTC),
            ZonedDateTime.of(2027, 1, 4, 23, 9, 5, 0, ZoneId.of("America/St_Johns")),
            ZonedDateTime.of(2026, 6, 1, 0, 0, 59, 0, ZoneOffset.ofHoursMinutes(5, 45)),
            ZonedDateTime.of(2028, 2, 29, 12, 30, 0, 0, ZoneOffset.ofHours(-10)))) {
      assertThat(GeneratedHeaders.date(time.toOffsetDateTime())).isEqualTo(pattern.format(time));
    }
    assertThat(GeneratedHeaders.date(OffsetDateTime.of(2026, 11, 28, 7, 0, 0, 0, ZoneOffset.UTC)))
        .isEqualTo("Sat, 28 Nov 2026 07:00:00 +0000");
  }

  @Test
  void builds_distinct_version_4_uuids_as_message_ids() {
    Pattern id =
        Pattern.compile("<[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}@x>");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String messageId = MailMessage.builder().from("a@x").build().messageId();
      assertThat(messageId).matches(id);
      seen.add(messageId);
    }
    assertThat(seen).hasSize(100);
  }

  @Test
  void encodes_a_non_ascii_subject_as_rfc2047_words_of_at_most_75_characters() {
    String subject = "テストメッセージ from Contoso — ".repeat(4);
    String content = MailMessage.builder().subject(subject).build().content();

    Matcher words = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]+)\\?=").matcher(content);
    StringBuilder decoded = new StringBuilder();
    while (words.find()) {
      assertThat(words.group().length()).isLessThanOrEqualTo(75);
      decoded.append(
          new String(Base64.getDecoder().decode(words.group(1)), StandardCharsets.UTF_8));
    }
    assertThat(decoded.toString()).isEqualTo(subject);
    assertThat(content).doesNotContain("テスト");
  }

  @Test
  void marks_a_non_ascii_body_as_utf8_8bit() {
    String content = MailMessage.builder().body("Grüße").build().content();

    assertThat(content)
        .contains("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n")
        .contains("Content-Transfer-Encoding: 8bit\r\n");
  }

  @Test
  void refuses_header_names_that_are_not_field_names() {
    assertThatIllegalArgumentException().isThrownBy(() -> MailMessage.builder().header("X:Y", "v"));
    assertThatIllegalArgumentException().isThrownBy(() -> MailMessage.builder().header("", "v"));
    assertThatIllegalArgumentException().isThrownBy(() -> MailMessage.builder().header("Ü", "v"));
  }
}
