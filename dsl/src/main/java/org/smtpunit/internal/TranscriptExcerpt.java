package org.smtpunit.internal;

import org.smtpunit.Transcript;

/**
 * The end of a transcript as exception and assertion messages show it: a heading and the last
 * {@value #LINES} lines, so a long session does not bury the message.
 *
 * <pre>{@code
 * message + "\n" + TranscriptExcerpt.of(transcript)
 * // Transcript (last 20 of 57 lines):
 * // <-  250 2.1.0 Sender OK
 * // ...
 * }</pre>
 */
public final class TranscriptExcerpt {

  /** How many transcript lines a message shows. */
  public static final int LINES = 20;

  private TranscriptExcerpt() {}

  /**
   * Returns the heading and the last lines, one a line, each ending in {@code \n}; empty for an
   * empty transcript.
   */
  public static String of(Transcript transcript) {
    if (transcript.isEmpty()) {
      return "";
    }
    int size = transcript.entries().size();
    String heading =
        size > LINES ? "Transcript (last " + LINES + " of " + size + " lines):" : "Transcript:";
    return heading + "\n" + transcript.tail(LINES);
  }
}
