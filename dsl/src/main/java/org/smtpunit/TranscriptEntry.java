package org.smtpunit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.smtpunit.internal.Wire;

/**
 * One line of a {@link Transcript}: a command the client sent, a reply line the server sent, or a
 * note the client made about the connection (connected, TLS established, bare LF seen).
 *
 * <p>Secrets never reach an entry: AUTH exchanges are recorded as {@code ****} before the entry is
 * made.
 *
 * @param direction who produced the line
 * @param line the text, without its line ending
 * @param timestamp when the line was sent or received
 * @param elapsed for the last line of a reply, the time from the command (or connection) to the
 *     complete reply; empty otherwise
 */
public record TranscriptEntry(
    Direction direction, String line, Instant timestamp, Optional<Duration> elapsed) {

  /** Who produced a transcript line. */
  public enum Direction {
    /** A line the client wrote to the server. */
    SENT(" -> "),
    /** A line the server wrote to the client. */
    RECEIVED("<-  "),
    /** A remark of the client's about the connection, not a protocol line. */
    NOTE("=== ");

    private final String arrow;

    Direction(String arrow) {
      this.arrow = arrow;
    }

    /**
     * Returns the swaks-style prefix of this direction: {@code " -> "}, {@code "<- "}, {@code "===
     * "}.
     */
    public String arrow() {
      return arrow;
    }
  }

  /** Validates the entry. */
  public TranscriptEntry {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /**
   * Returns the line as a session log shows it, e.g. {@code " -> EHLO contoso.com"}, with control
   * characters escaped ({@code \x1b} for ESC): a hostile server must not drive the terminal of
   * whoever prints a transcript.
   */
  @Override
  public String toString() {
    return direction.arrow() + Wire.printable(line);
  }
}
