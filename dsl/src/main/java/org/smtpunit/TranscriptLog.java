package org.smtpunit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The session's growing transcript. Appending never changes a slot that a snapshot can see (a full
 * array is copied, never resized in place), so {@link #snapshot()} is O(1) and every reply can
 * carry the transcript up to itself without copying it.
 */
final class TranscriptLog {

  /** How many lines of message content the transcript shows before it summarises the rest. */
  private static final int CONTENT_LINES_SHOWN = 200;

  /** RFC 5322 §2.1.1: a line of a message is at most 998 characters. */
  private static final int CONTENT_LINE_CHARACTERS = 998;

  private static final String HIDDEN = "****";

  private TranscriptEntry[] entries = new TranscriptEntry[32];
  private int size;
  private long connectedNanos;

  /**
   * Notes that the TCP connection was just established: the greeting's elapsed time counts from
   * here.
   */
  void connected(String line) {
    connectedNanos = System.nanoTime();
    note(line);
  }

  /** When {@link #connected} was last called ({@link System#nanoTime()}), or now if never. */
  long connectedNanos() {
    return connectedNanos == 0 ? System.nanoTime() : connectedNanos;
  }

  /** Texts never to record or quote (credentials and their encodings), longest first. */
  private final List<String> secrets = new ArrayList<>();

  /**
   * Registers a secret: from now on every received line and note shows {@code ****} in its place,
   * and so does every message that quotes a line, even when a server echoes it back.
   */
  void secret(String text) {
    if (!text.isEmpty() && !secrets.contains(text)) {
      secrets.add(text);
      secrets.sort(Comparator.comparingInt(String::length).reversed());
    }
  }

  /** Returns the text with every registered secret replaced by {@code ****}. */
  String redact(String text) {
    String out = text;
    for (String secret : secrets) {
      if (out.contains(secret)) {
        out = out.replace(secret, HIDDEN);
      }
    }
    return out;
  }

  /** Records a sent line, cut at RFC 5322's line limit (a command can be megabytes long). */
  void sent(String line) {
    append(
        new TranscriptEntry(
            TranscriptEntry.Direction.SENT,
            shown(line, 0, line.length()),
            Instant.now(),
            Optional.empty()));
  }

  void received(String line, Instant at, Duration elapsed) {
    append(
        new TranscriptEntry(
            TranscriptEntry.Direction.RECEIVED,
            redact(line),
            at,
            elapsed == null ? Optional.empty() : Optional.of(elapsed)));
  }

  void note(String line) {
    append(
        new TranscriptEntry(
            TranscriptEntry.Direction.NOTE, redact(line), Instant.now(), Optional.empty()));
  }

  /**
   * Records message content as sent, one entry a line, and the terminating {@code .}: the first
   * {@value #CONTENT_LINES_SHOWN} lines, then a note saying how much more was sent.
   */
  void sentContent(String content) {
    int lines = 0;
    int from = 0;
    while (from <= content.length()) {
      int end = nextLineEnd(content, from);
      if (end < 0) {
        if (from < content.length()) {
          sent(shown(content, from, content.length()));
        }
        break;
      }
      if (lines++ == CONTENT_LINES_SHOWN) {
        note("(" + (content.length() - from) + " more characters of content not shown)");
        break;
      }
      sent(shown(content, from, end));
      from = end + (content.startsWith("\r\n", end) ? 2 : 1);
    }
    sent(".");
  }

  private void append(TranscriptEntry entry) {
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size * 2);
    }
    entries[size++] = entry;
  }

  Transcript snapshot() {
    return new Transcript(new FrozenEntries(entries, size));
  }

  /** A line for the transcript, cut at the line limit. */
  private static String shown(String content, int from, int end) {
    return end - from <= CONTENT_LINE_CHARACTERS
        ? content.substring(from, end)
        : content.substring(from, from + CONTENT_LINE_CHARACTERS)
            + "... ("
            + (end - from)
            + " characters)";
  }

  private static int nextLineEnd(String content, int from) {
    for (int i = from; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == '\r' || c == '\n') {
        return i;
      }
    }
    return -1;
  }
}
