package org.smtpunit;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The session's growing transcript. Appending never changes a slot that a snapshot can see (a full
 * array is copied, never resized in place), so {@link #snapshot()} is O(1) and every reply can
 * carry the transcript up to itself without copying it.
 */
final class TranscriptLog {

  private static final String HIDDEN = "****";

  private TranscriptEntry[] entries = new TranscriptEntry[32];
  private int size;

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

  /** The longest sent line shown whole; RFC 5322's line limit, which readers of logs expect. */
  static final int SHOWN_CHARACTERS = 998;

  void sent(String line) {
    String shown =
        line.length() <= SHOWN_CHARACTERS
            ? line
            : line.substring(0, SHOWN_CHARACTERS) + "... (" + line.length() + " characters)";
    append(
        new TranscriptEntry(
            TranscriptEntry.Direction.SENT, shown, Instant.now(), Optional.empty()));
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

  private void append(TranscriptEntry entry) {
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size * 2);
    }
    entries[size++] = entry;
  }

  Transcript snapshot() {
    return new Transcript(new Frozen(entries, size));
  }

  /** Returns an immutable list of the entries: the list itself when it is already frozen. */
  static List<TranscriptEntry> freeze(List<TranscriptEntry> entries) {
    return entries instanceof Frozen ? entries : List.copyOf(entries);
  }

  /** An immutable view of the first {@code size} slots of an array no one writes to any more. */
  private static final class Frozen extends AbstractList<TranscriptEntry> implements RandomAccess {
    private final TranscriptEntry[] entries;
    private final int size;

    Frozen(TranscriptEntry[] entries, int size) {
      this.entries = entries;
      this.size = size;
    }

    @Override
    public TranscriptEntry get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
      }
      return entries[index];
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public List<TranscriptEntry> subList(int fromIndex, int toIndex) {
      return List.copyOf(super.subList(fromIndex, toIndex));
    }
  }
}
