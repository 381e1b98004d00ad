package org.smtpunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smtpunit.Transcript;
import org.smtpunit.TranscriptEntry;
import org.smtpunit.TranscriptEntry.Direction;

/** Each reply's time is named after the command it answers, pipelined or not. */
class StageTimingsTest {

  private final List<TranscriptEntry> entries = new ArrayList<>();

  private StageTimingsTest sent(String line) {
    entries.add(new TranscriptEntry(Direction.SENT, line, Instant.EPOCH, Optional.empty()));
    return this;
  }

  private StageTimingsTest reply(String line, long millis) {
    entries.add(
        new TranscriptEntry(
            Direction.RECEIVED, line, Instant.EPOCH, Optional.of(Duration.ofMillis(millis))));
    return this;
  }

  private StageTimingsTest continuation(String line) {
    entries.add(new TranscriptEntry(Direction.RECEIVED, line, Instant.EPOCH, Optional.empty()));
    return this;
  }

  @Test
  void names_the_greeting_each_command_and_the_end_of_data_but_not_message_lines() {
    reply("220 ready", 12).sent("EHLO contoso.com").continuation("250-mail1").reply("250 OK", 3);
    sent("MAIL FROM:<chris@contoso.com>").reply("250 OK", 2);
    sent("RCPT TO:<kate@fabrikam.com>").reply("250 OK", 4);
    sent("DATA").reply("354 go ahead", 1).sent("Subject: QUIT").sent(".").reply("250 queued", 40);

    assertThat(StageTimings.of(new Transcript(entries)))
        .isEqualTo(
            "greeting 12 ms, EHLO 3 ms, MAIL FROM 2 ms, RCPT TO 4 ms, DATA 1 ms,"
                + " end of data 40 ms");
  }

  @Test
  void pipelined_replies_are_matched_to_their_commands_in_order() {
    reply("220 ready", 5).sent("MAIL FROM:<chris@contoso.com>").sent("RCPT TO:<kate@fabrikam.com>");
    sent("BDAT 10 LAST").reply("250 OK", 1).reply("250 OK", 2).reply("250 queued", 30);

    assertThat(StageTimings.of(new Transcript(entries)))
        .isEqualTo("greeting 5 ms, MAIL FROM 1 ms, RCPT TO 2 ms, BDAT 30 ms");
  }
}
