package org.smtpunit.assertions.error;

import org.smtpunit.Transcript;
import org.smtpunit.internal.TranscriptExcerpt;

/**
 * Values for failure messages that print as they are, not quoted: a reply as on the wire, a
 * transcript as a session log, each line indented so multi-line values stay legible.
 *
 * <pre>{@code
 * new ShouldHaveReplyCode(reply, 250)  // uses Text.of(reply) internally
 * }</pre>
 */
public final class Text {

  private final String text;

  private Text(String text) {
    this.text = text;
  }

  /** Returns the value's {@code toString()}, every line after the first indented by two spaces. */
  public static Text of(Object value) {
    return new Text(String.valueOf(value).replace("\n", "\n  "));
  }

  /**
   * Returns the transcript section of a message: a heading and the last lines, or nothing when the
   * transcript is empty. Meant as the last argument of a format ending in {@code %s}.
   */
  public static Text transcript(Transcript transcript) {
    if (transcript.isEmpty()) {
      return new Text("");
    }
    String excerpt = TranscriptExcerpt.of(transcript).stripTrailing();
    return new Text(String.format("%n") + excerpt.replace("\n", String.format("%n")));
  }

  @Override
  public String toString() {
    return text;
  }
}
