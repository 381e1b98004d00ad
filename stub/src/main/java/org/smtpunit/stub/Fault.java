package org.smtpunit.stub;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A way for a {@link SmtpStub} to misbehave at one point of the conversation, instead of (or
 * around) the reply it would have sent: what no real server does on demand but every client meets
 * one day.
 *
 * <pre>{@code
 * stub.on(SmtpVerb.DATA).fault(Fault.closeConnection());
 * stub.on(SmtpVerb.MAIL).fault(Fault.dripReply(Duration.ofMillis(50)));
 * stub.on(SmtpVerb.CONNECT).fault(Fault.garbage(new byte[] {0, 1, 2}));
 * }</pre>
 *
 * <p>"The reply" below is the one the stub would otherwise have sent (its persona's, or a
 * recording's). Faults that still deliver it ({@link #delay}, {@link #dripReply}, {@link
 * #bareLineFeeds}, {@link #stopReading}, {@link #afterStartTls}) let the conversation go on as that
 * reply says, {@link #replyInParts} as the parts say; {@link #garbage} and {@link #oversizedLine}
 * leave the stub's state as it was.
 */
public final class Fault {

  enum Kind {
    CLOSE,
    RESET,
    STALL,
    DRIP,
    PARTS,
    GARBAGE,
    OVERSIZED_LINE,
    BARE_LINE_FEEDS,
    STOP_READING,
    AFTER_STARTTLS,
    DELAY
  }

  private final Kind kind;
  private final Duration duration;
  private final List<byte[]> bytes;
  private final int length;

  private Fault(Kind kind, Duration duration, List<byte[]> bytes, int length) {
    this.kind = kind;
    this.duration = duration;
    this.bytes = bytes;
    this.length = length;
  }

  private static Fault of(Kind kind) {
    return new Fault(kind, Duration.ZERO, List.of(), 0);
  }

  /** Closes the connection (an orderly FIN) without replying. */
  public static Fault closeConnection() {
    return of(Kind.CLOSE);
  }

  /** Resets the connection (a TCP RST: linger 0, then close) without replying. */
  public static Fault reset() {
    return of(Kind.RESET);
  }

  /** Never replies; keeps reading (and discarding) whatever the client sends until it closes. */
  public static Fault stall() {
    return of(Kind.STALL);
  }

  /**
   * Sends the reply one byte at a time, waiting {@code perByte} before each.
   *
   * @throws IllegalArgumentException when {@code perByte} is negative
   */
  public static Fault dripReply(Duration perByte) {
    return new Fault(Kind.DRIP, nonNegative(perByte, "perByte"), List.of(), 0);
  }

  /**
   * Sends these parts instead of the reply, each in its own write, 20 ms apart. The parts go on the
   * wire exactly as given (UTF-8, no line ending added), so a CRLF can be split across two of them:
   * {@code replyInParts("250 2.1.0 Sender", " OK\r", "\n")}.
   *
   * @throws IllegalArgumentException when no part is given
   */
  public static Fault replyInParts(String... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("replyInParts needs at least one part");
    }
    return new Fault(
        Kind.PARTS,
        Duration.ofMillis(20),
        Arrays.stream(parts).map(p -> p.getBytes(StandardCharsets.UTF_8)).toList(),
        0);
  }

  /** Sends these bytes instead of the reply, exactly. */
  public static Fault garbage(byte[] bytes) {
    return new Fault(Kind.GARBAGE, Duration.ZERO, List.of(bytes.clone()), 0);
  }

  /**
   * Sends one reply line of {@code length} characters ({@code 250 xxx...}, CRLF not counted)
   * instead of the reply.
   *
   * @throws IllegalArgumentException when {@code length} is smaller than 4
   */
  public static Fault oversizedLine(int length) {
    if (length < 4) {
      throw new IllegalArgumentException(
          "oversizedLine needs a length of 4 or more, was " + length);
    }
    return new Fault(Kind.OVERSIZED_LINE, Duration.ZERO, List.of(), length);
  }

  /** Sends the reply with bare LF line endings instead of CRLF. */
  public static Fault bareLineFeeds() {
    return of(Kind.BARE_LINE_FEEDS);
  }

  /**
   * Sends the reply, then never reads the socket again: the client's next writes fill the TCP
   * buffers and block (after DATA's 354, the content never drains).
   */
  public static Fault stopReading() {
    return of(Kind.STOP_READING);
  }

  /**
   * On STARTTLS: sends the reply and these bytes in the same write, before the TLS handshake: the
   * plaintext injection of CVE-2011-0411 seen from the client's side.
   */
  public static Fault afterStartTls(byte[] injected) {
    return new Fault(Kind.AFTER_STARTTLS, Duration.ZERO, List.of(injected.clone()), 0);
  }

  /**
   * Waits this long, then sends the reply.
   *
   * @throws IllegalArgumentException when {@code delay} is negative
   */
  public static Fault delay(Duration delay) {
    return new Fault(Kind.DELAY, nonNegative(delay, "delay"), List.of(), 0);
  }

  /** Returns the text sent in place of the reply, for the faults that send a reply of their own. */
  Optional<String> sentInstead() {
    if (kind != Kind.PARTS) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder();
    bytes.forEach(part -> text.append(new String(part, StandardCharsets.UTF_8)));
    return Optional.of(text.toString());
  }

  /** Returns whether the client still gets the reply (or the parts' own reply) from this fault. */
  boolean deliversReply() {
    return switch (kind) {
      case DRIP, PARTS, BARE_LINE_FEEDS, STOP_READING, AFTER_STARTTLS, DELAY -> true;
      case CLOSE, RESET, STALL, GARBAGE, OVERSIZED_LINE -> false;
    };
  }

  Kind kind() {
    return kind;
  }

  Duration duration() {
    return duration;
  }

  List<byte[]> bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  private static Duration nonNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + duration);
    }
    return duration;
  }

  /** Returns the factory call that made this fault, e.g. {@code Fault.delay(PT2S)}. */
  @Override
  public String toString() {
    String name =
        switch (kind) {
          case CLOSE -> "closeConnection()";
          case RESET -> "reset()";
          case STALL -> "stall()";
          case DRIP -> "dripReply(" + duration + ")";
          case PARTS -> "replyInParts(" + bytes.size() + " parts)";
          case GARBAGE -> "garbage(" + bytes.get(0).length + " bytes)";
          case OVERSIZED_LINE -> "oversizedLine(" + length + ")";
          case BARE_LINE_FEEDS -> "bareLineFeeds()";
          case STOP_READING -> "stopReading()";
          case AFTER_STARTTLS -> "afterStartTls(" + bytes.get(0).length + " bytes)";
          case DELAY -> "delay(" + duration + ")";
        };
    return "Fault." + name;
  }
}
