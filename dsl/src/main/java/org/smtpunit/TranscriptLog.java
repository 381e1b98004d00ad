package org.smtpunit;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The session's growing transcript. Appending never changes a slot that a snapshot can see (a full
 * array is copied, never resized in place), so {@link #snapshot()} is O(1) and every reply can
 * carry the transcript up to itself without copying it.
 */
final class TranscriptLog {

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

  void sent(String line) {
    append(
        new TranscriptEntry(TranscriptEntry.Direction.SENT, line, Instant.now(), Optional.empty()));
  }

  void received(String line, Instant at, Duration elapsed) {
    append(
        new TranscriptEntry(
            TranscriptEntry.Direction.RECEIVED,
            line,
            at,
            elapsed == null ? Optional.empty() : Optional.of(elapsed)));
  }

  void note(String line) {
    append(
        new TranscriptEntry(TranscriptEntry.Direction.NOTE, line, Instant.now(), Optional.empty()));
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
