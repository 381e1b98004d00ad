package org.smtpunit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smtpunit.internal.Wire;

/**
 * One SMTP reply: a three-digit code and one or more lines of text (RFC 5321 §4.2). A negative
 * reply is a value to assert on, never an exception.
 *
 * <pre>{@code
 * SmtpReply reply = smtp.rcptTo("kate@fabrikam.com");
 * reply.code();               // 250
 * reply.enhancedStatus();     // Optional[2.1.5]
 * reply.toString();           // "250 2.1.5 Recipient OK"
 * assertThat(reply).isSuccess().hasEnhancedStatus("2.1.5");
 * }</pre>
 *
 * <p>A reply also carries the transcript of its session up to and including itself, so that an
 * assertion failure can show the conversation. The transcript is context, not part of the value:
 * {@link #equals} and {@link #hashCode} compare the code and the lines only. How long the reply
 * took ({@link #elapsed()}) is read from that transcript.
 *
 * @param code the reply code, 200 to 599
 * @param lines the text of each line, without the code and separator (empty for a bare code)
 * @param transcript the session's transcript up to this reply (empty when built by hand)
 */
public record SmtpReply(int code, List<String> lines, Transcript transcript) {

  /**
   * Validates the reply.
   *
   * @throws IllegalArgumentException when the code is not 200-599, there is no line, or a line
   *     holds CR, LF or NUL
   */
  public SmtpReply {
    if (code < 200 || code > 599) {
      throw new IllegalArgumentException("Reply code must be 200 to 599, was [" + code + "]");
    }
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("A reply has at least one line");
    }
    for (String line : lines) {
      if (Wire.indexOfLineBreakOrNul(line) >= 0) {
        throw new IllegalArgumentException("Reply line holds CR, LF or NUL [" + line + "]");
      }
    }
    Objects.requireNonNull(transcript, "transcript");
  }

  /**
   * Creates a reply with no transcript, e.g. {@code SmtpReply.of(250, "2.1.0 Sender OK")}.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static SmtpReply of(int code, String... lines) {
    return new SmtpReply(
        code, lines.length == 0 ? List.of("") : List.of(lines), Transcript.empty());
  }

  /**
   * Returns the RFC 3463 enhanced status code at the start of the first line, present only when its
   * class digit matches the reply code's first digit (RFC 3463 §2: a {@code 250} cannot carry a
   * {@code 5.x.x}).
   */
  public Optional<EnhancedStatus> enhancedStatus() {
    String first = lines.get(0);
    int end = first.indexOf(' ');
    Optional<EnhancedStatus> status =
        EnhancedStatus.tryParse(end < 0 ? first : first.substring(0, end));
    return status.filter(s -> s.statusClass() == code / 100);
  }

  /**
   * Returns how long the reply took: from the last byte of the command (for the greeting, from the
   * connection) to the last byte of the reply. A reply built by hand, with no transcript, took
   * {@link Duration#ZERO}.
   *
   * <pre>{@code
   * assertThat(smtp.greeting()).arrivedWithin(Duration.ofSeconds(2));
   * }</pre>
   */
  public Duration elapsed() {
    List<TranscriptEntry> entries = transcript.entries();
    for (int i = entries.size() - 1; i >= 0; i--) {
      TranscriptEntry entry = entries.get(i);
      if (entry.direction() == TranscriptEntry.Direction.RECEIVED) {
        // The reply's own last line is the newest line received in its transcript.
        return entry.elapsed().orElse(Duration.ZERO);
      }
    }
    return Duration.ZERO;
  }

  /** Returns the text of all lines joined with {@code \n}. */
  public String text() {
    return lines.size() == 1 ? lines.get(0) : String.join("\n", lines);
  }

  /** Returns whether the code is 2xx: the requested action was completed. */
  public boolean isPositiveCompletion() {
    return code / 100 == 2;
  }

  /** Returns whether the code is 3xx: go on (354 after DATA, 334 in AUTH). */
  public boolean isPositiveIntermediate() {
    return code / 100 == 3;
  }

  /** Returns whether the code is 4xx: try again later. */
  public boolean isTransientNegative() {
    return code / 100 == 4;
  }

  /** Returns whether the code is 5xx: the action was refused for good. */
  public boolean isPermanentNegative() {
    return code / 100 == 5;
  }

  /**
   * Returns whether the reply is 2xx or 3xx, the walkthrough's idea of success (354 after DATA is a
   * success).
   */
  public boolean isSuccess() {
    return isPositiveCompletion() || isPositiveIntermediate();
  }

  /** Compares the code and the lines; the transcript is context and does not count. */
  @Override
  public boolean equals(Object other) {
    return other instanceof SmtpReply reply && code == reply.code && lines.equals(reply.lines);
  }

  @Override
  public int hashCode() {
    return 31 * code + lines.hashCode();
  }

  /**
   * Returns the reply as it was on the wire, one line per reply line: {@code 250-mail1} then {@code
   * 250 SIZE 1000}.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      String line = lines.get(i);
      boolean last = i == lines.size() - 1;
      out.append(code);
      if (!last || !line.isEmpty()) {
        out.append(last ? ' ' : '-').append(line);
      }
    }
    return out.toString();
  }
}
