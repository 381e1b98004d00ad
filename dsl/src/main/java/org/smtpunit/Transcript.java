package org.smtpunit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything said on one SMTP connection, in order: telnet's {@code set logfile} as a value.
 *
 * <p>Rendered the way mail administrators read a session log, with swaks-style arrows:
 *
 * <pre>
 * === Connected to mail1.fabrikam.com [127.0.0.1]:25
 * &lt;-  220 mail1.fabrikam.com ESMTP
 *  -&gt; EHLO contoso.com
 * &lt;-  250 mail1.fabrikam.com Hello
 * </pre>
 *
 * <pre>{@code
 * Transcript t = session.transcript();
 * t.writeTo(Path.of("target/smtp.log"));
 * }</pre>
 *
 * <p>A transcript is an immutable snapshot; the session's own transcript keeps growing. Credentials
 * never appear in it.
 *
 * @param entries the lines, oldest first
 */
public record Transcript(List<TranscriptEntry> entries) {

  private static final Transcript EMPTY = new Transcript(List.of());

  /** Validates and copies the entries. */
  public Transcript {
    entries = FrozenEntries.freeze(entries);
  }

  /** Returns a transcript with no entries. */
  public static Transcript empty() {
    return EMPTY;
  }

  /** Returns whether nothing was recorded. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Returns a transcript of the last {@code count} entries (all of them if there are fewer). */
  public Transcript tail(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    int size = entries.size();
    return size <= count ? this : new Transcript(entries.subList(size - count, size));
  }

  /**
   * Writes the transcript as text, one entry a line, creating missing parent directories.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public void writeTo(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write transcript to " + file, e);
    }
  }

  /** Returns the log: one entry a line, each with its arrow. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(entries.size() * 40);
    for (TranscriptEntry entry : entries) {
      out.append(entry).append('\n');
    }
    return out.toString();
  }
}
