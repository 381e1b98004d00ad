package org.smtpunit;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable view of the first {@code size} slots of an array no one writes to any more: how a
 * growing transcript hands out snapshots without copying them.
 */
final class FrozenEntries extends AbstractList<TranscriptEntry> implements RandomAccess {

  private final TranscriptEntry[] entries;
  private final int size;

  FrozenEntries(TranscriptEntry[] entries, int size) {
    this.entries = entries;
    this.size = size;
  }

  /** Returns an immutable list of the entries: the list itself when it is already frozen. */
  static List<TranscriptEntry> freeze(List<TranscriptEntry> entries) {
    return entries instanceof FrozenEntries ? entries : List.copyOf(entries);
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
