package org.smtpunit;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.smtpunit.internal.Wire;

/**
 * Reads RFC 5321 §4.2 replies with a deadline for the whole reply, not per read, so a server that
 * drips one byte a second still times out. Memory is bounded: a line may hold at most {@link
 * #MAX_LINE_OCTETS} octets and a reply at most {@link #MAX_LINES} lines.
 */
final class ReplyReader {

  /**
   * The longest reply line accepted, in octets without CRLF. RFC 5321 §4.5.3.1.5 sets 512 octets
   * including CRLF; real servers exceed it, so we allow eight times that.
   */
  static final int MAX_LINE_OCTETS = 4096;

  /** The most lines one multi-line reply may have before it counts as endless. */
  static final int MAX_LINES = 1000;

  private final Socket socket;
  private final InputStream in;
  private final TranscriptLog log;

  /**
   * Under TLS, aborts the TCP socket when a read passes its deadline; {@code null} in plain text.
   */
  private final Runnable abort;

  /** Starts small (most replies are short) and grows to hold a line of the maximum length. */
  private byte[] buffer = new byte[1024];

  private int position;
  private int limit;

  ReplyReader(Socket socket, InputStream in, TranscriptLog log, Runnable abort) {
    this.socket = socket;
    this.in = in;
    this.log = log;
    this.abort = abort;
  }

  /** Returns whether bytes the server sent are waiting in the buffer, unread. */
  boolean hasBufferedInput() {
    return position < limit;
  }

  /** Drops anything buffered, returning how many bytes were dropped. */
  int discardBuffered() {
    int dropped = limit - position;
    position = 0;
    limit = 0;
    return dropped;
  }

  /**
   * Reads one complete reply.
   *
   * @param stage the step, for messages
   * @param startNanos when the command was sent (or the connection opened)
   * @param timeout the deadline for the whole reply, from {@code startNanos}
   */
  SmtpReply read(SmtpStage stage, long startNanos, Duration timeout) {
    return read(stage, startNanos, timeout, startNanos);
  }

  /**
   * Reads one complete reply, due within {@code timeout} from {@code startNanos}; its elapsed time
   * counts from {@code sentNanos}, when the command's last byte was written.
   */
  SmtpReply read(SmtpStage stage, long startNanos, Duration timeout, long sentNanos) {
    long deadline = startNanos + timeout.toNanos();
    List<String> lines = new ArrayList<>(2);
    int code = -1;
    while (true) {
      String line = log.redact(readLine(stage, deadline, timeout, lines.isEmpty()));
      ReplyLines.refuseControls(line, stage, log);
      int lineCode = ReplyLines.parseCode(line, stage, log);
      boolean last = line.length() == 3 || line.charAt(3) == ' ';
      if (code >= 0 && lineCode != code) {
        throw ReplyLines.mixedCodes(line, code, stage, log);
      }
      code = lineCode;
      lines.add(line.length() <= 4 ? "" : line.substring(4));
      if (last) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - sentNanos);
        log.received(line, Instant.now(), elapsed);
        return new SmtpReply(code, lines, log.snapshot());
      }
      log.received(line, Instant.now(), null);
      if (lines.size() >= MAX_LINES) {
        throw ReplyLines.endless(line, MAX_LINES, stage, log);
      }
    }
  }

  private String readLine(SmtpStage stage, long deadline, Duration timeout, boolean firstLine) {
    int scanFrom = position;
    while (true) {
      for (int i = scanFrom; i < limit; i++) {
        if (buffer[i] == '\n') {
          boolean crlf = i > position && buffer[i - 1] == '\r';
          int end = crlf ? i - 1 : i;
          if (end - position > MAX_LINE_OCTETS) {
            throw tooLong(stage, " (" + (end - position) + ") before its line end");
          }
          String line = new String(buffer, position, end - position, StandardCharsets.UTF_8);
          position = i + 1;
          if (!crlf) {
            log.note("server ended the next line with a bare LF, not CRLF (accepted)");
          }
          return line;
        }
      }
      scanFrom = limit;
      // One octet more than the limit may be the CR of a line at the limit.
      if (limit - position > MAX_LINE_OCTETS + 1) {
        throw tooLong(stage, " without a line end");
      }
      if (position > 0 && limit == buffer.length) {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        scanFrom -= position;
        limit -= position;
        position = 0;
      }
      if (limit == buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, 2 * MAX_LINE_OCTETS));
      }
      fill(stage, deadline, timeout, firstLine);
    }
  }

  private SmtpProtocolException tooLong(SmtpStage stage, String how) {
    String start =
        log.redact(
            new String(buffer, position, Math.min(80, limit - position), StandardCharsets.UTF_8));
    return ReplyLines.tooLong(stage, how, start, MAX_LINE_OCTETS, log);
  }

  private void fill(SmtpStage stage, long deadline, Duration timeout, boolean firstLine) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw timeout(stage, timeout, null);
    }
    int n;
    // Under TLS a socket timeout bounds each read of the TCP socket, not the record the TLS layer
    // assembles from them: a server that drips a record would hold the read far past the deadline.
    // The alarm aborts the TCP socket at the deadline instead.
    Alarm alarm = abort == null ? null : Alarm.arm(remaining, abort, null);
    try {
      socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / 1_000_000)));
      n = in.read(buffer, limit, buffer.length - limit);
    } catch (SocketTimeoutException e) {
      throw timeout(stage, timeout, e);
    } catch (IOException | RuntimeException e) {
      if (alarm != null && alarm.fired()) {
        throw timeout(stage, timeout, e);
      }
      throw ReadFailures.closed(
          stage, "the connection failed while reading the reply [" + e + "]", log, e);
    } finally {
      if (alarm != null) {
        alarm.cancel();
      }
    }
    if (n < 0) {
      if (alarm != null && alarm.fired()) {
        throw timeout(stage, timeout, null);
      }
      String partial =
          limit > position
              ? " after a partial line [" + unfinished() + "]"
              : firstLine ? " before replying" : " inside a multi-line reply";
      throw ReadFailures.closed(stage, "the server closed the connection" + partial, log, null);
    }
    limit += n;
  }

  /**
   * Reads, without blocking, whatever the server has sent so far (plain text only: under TLS the
   * bytes waiting on the TCP socket may be TLS's own messages), and returns whether anything is
   * buffered unread.
   */
  boolean pollInput() {
    if (abort == null) {
      try {
        int available = in.available();
        while (available > 0 && limit < buffer.length) {
          int n = in.read(buffer, limit, Math.min(available, buffer.length - limit));
          if (n <= 0) {
            break;
          }
          limit += n;
          available -= n;
        }
      } catch (IOException e) {
        // Nothing readable: the next read reports the failure with its stage.
      }
    }
    return hasBufferedInput();
  }

  /**
   * Under TLS, on a helper thread while the connection's owner is blocked writing (see {@link
   * EarlyTlsReply}): reads until the buffer holds a whole reply, by the deadline ({@link
   * System#nanoTime()}). Records nothing: returns {@code false} when the deadline passes, the
   * connection fails or ends, or the reply would not fit the buffer, and the owner reports that
   * when it reads.
   */
  boolean awaitCompleteReply(long deadline) {
    try {
      while (!hasCompleteReply()) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        if (limit == buffer.length) {
          if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
          } else if (buffer.length < 2 * MAX_LINE_OCTETS) {
            buffer = Arrays.copyOf(buffer, 2 * MAX_LINE_OCTETS);
          } else {
            return false;
          }
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / 1_000_000)));
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
          return false;
        }
        limit += n;
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Returns whether the buffered reply is positive (2xx or 3xx): never an early answer to a write
   * still under way, since no server accepts what it has not read whole; such a reply arriving
   * during a write means the write has just finished.
   */
  boolean bufferedReplyIsPositive() {
    return position < limit && (buffer[position] == '2' || buffer[position] == '3');
  }

  /**
   * Returns whether the buffer holds a whole reply: lines up to one without a '-' after the code.
   */
  boolean hasCompleteReply() {
    int start = position;
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        if (i - start < 4 || buffer[start + 3] != '-') {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  /** The unread bytes, printable and cut to a readable length, for messages. */
  String bufferedPreview() {
    int length = Math.min(200, limit - position);
    String text = log.redact(new String(buffer, position, length, StandardCharsets.UTF_8));
    return Wire.printable(text) + (limit - position > length ? "..." : "");
  }

  /** The bytes of a line that has not ended yet, printable. */
  private String unfinished() {
    return Wire.printable(
        log.redact(new String(buffer, position, limit - position, StandardCharsets.UTF_8)));
  }

  private SmtpTimeoutException timeout(SmtpStage stage, Duration timeout, Throwable cause) {
    return ReadFailures.timeout(stage, timeout, limit > position ? unfinished() : null, log, cause);
  }
}
