package org.smtpunit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpunit.MailMessage;
import org.smtpunit.ReceivedMessage;

/** Queries match header sections; Message-IDs with or without brackets; builder Message-IDs. */
class MessageQueryTest {

  private static ReceivedMessage message(String headers) {
    return new ReceivedMessage(headers + "\r\n\r\nbody", List.of("kate@fabrikam.com"));
  }

  @Test
  void matches_a_message_id_given_with_or_without_angle_brackets() {
    ReceivedMessage m = message("Message-ID: <abc@contoso.com>");

    assertThat(MessageQuery.messageId("<abc@contoso.com>").matches(m)).isTrue();
    assertThat(MessageQuery.messageId("abc@contoso.com").matches(m)).isTrue();
    assertThat(MessageQuery.messageId("abd@contoso.com").matches(m)).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> MessageQuery.messageId(" "));
  }

  @Test
  void sent_after_compares_the_date_header_to_the_second() {
    ReceivedMessage m = message("Date: Sat, 28 Nov 2026 07:00:00 +0000 (UTC)");

    assertThat(MessageQuery.sentAfter(Instant.parse("2026-11-28T07:00:00.600Z")).matches(m))
        .isTrue();
    assertThat(MessageQuery.sentAfter(Instant.parse("2026-11-28T07:00:01Z")).matches(m)).isFalse();
    assertThat(MessageQuery.sentAfter(Instant.EPOCH).matches(message("Subject: no date")))
        .isFalse();
  }

  @Test
  void and_requires_both_and_describes_both() {
    MessageQuery query =
        MessageQuery.subjectContains("Test").and(MessageQuery.header("X-Run", "42"));

    assertThat(query.matches(message("Subject: Test from Contoso\r\nX-Run: 42"))).isTrue();
    assertThat(query.matches(message("Subject: Test from Contoso\r\nX-Run: 43"))).isFalse();
    assertThat(query).hasToString("subject containing \"Test\" and X-Run: 42");
  }

  @Test
  void a_built_message_has_a_unique_message_id_in_angle_brackets() {
    MailMessage first = MailMessage.builder().from("chris@contoso.com").build();
    MailMessage second = MailMessage.builder().from("chris@contoso.com").build();

    assertThat(first.messageId()).matches("<[0-9a-f-]{36}@contoso\\.com>");
    assertThat(first.messageId()).isNotEqualTo(second.messageId());
    assertThat(first.content()).contains("Message-ID: " + first.messageId() + "\r\n");
  }
}
