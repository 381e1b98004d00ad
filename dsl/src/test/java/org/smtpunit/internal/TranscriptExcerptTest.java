package org.smtpunit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smtpunit.Transcript;
import org.smtpunit.TranscriptEntry;

class TranscriptExcerptTest {

  private static Transcript lines(int count) {
    List<TranscriptEntry> entries = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      entries.add(
          new TranscriptEntry(
              TranscriptEntry.Direction.SENT, "NOOP " + i, Instant.EPOCH, Optional.empty()));
    }
    return new Transcript(entries);
  }

  @Test
  void shows_a_short_transcript_whole() {
    assertThat(TranscriptExcerpt.of(lines(2))).isEqualTo("Transcript:\n -> NOOP 1\n -> NOOP 2\n");
  }

  @Test
  void shows_the_last_lines_of_a_long_transcript_saying_how_many_there_were() {
    String excerpt = TranscriptExcerpt.of(lines(25));

    assertThat(excerpt)
        .startsWith("Transcript (last 20 of 25 lines):\n -> NOOP 6\n")
        .endsWith(" -> NOOP 25\n");
    assertThat(excerpt.lines()).hasSize(21);
  }

  @Test
  void shows_nothing_for_an_empty_transcript() {
    assertThat(TranscriptExcerpt.of(Transcript.empty())).isEmpty();
  }
}
