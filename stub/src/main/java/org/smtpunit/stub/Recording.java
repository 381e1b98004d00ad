package org.smtpunit.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.smtpunit.Transcript;
import org.smtpunit.TranscriptEntry;
import org.smtpunit.TranscriptEntry.Direction;

/**
 * A client's transcript turned into what the server said to what: its greeting, then each command
 * with its reply, in order. Pipelined commands are paired with replies by position (RFC 2920 §3.1
 * keeps them in order); the lines sent after a 354 up to the lone dot are content, and the dot is
 * one step whose reply is the one after the content.
 *
 * @param greeting the server's greeting, lines separated by {@code \n}
 * @param steps the commands and their replies
 */
record Recording(String greeting, List<Recording.Step> steps) {

  /** The content's end in {@link Step#command()}: the lone dot. */
  static final String END_OF_CONTENT = ".";

  private static final String HIDDEN = "****";

  /**
   * One command and the reply it got.
   *
   * @param command the command line as the transcript shows it ({@code ****} for a secret)
   * @param reply the reply, lines separated by {@code \n}
   */
  record Step(String command, String reply) {

    /** Returns whether the client's line is the recorded command (a hidden secret matches any). */
    boolean matches(String line) {
      if (command.equals(HIDDEN)) {
        return true;
      }
      if (command.endsWith(" " + HIDDEN)) {
        String prefix = command.substring(0, command.length() - HIDDEN.length());
        return line.startsWith(prefix) && line.length() > prefix.length();
      }
      return command.equals(line);
    }
  }

  Recording {
    steps = List.copyOf(steps);
  }

  /**
   * Reads a transcript.
   *
   * @throws IllegalArgumentException when it holds no server reply to use as the greeting
   */
  static Recording of(Transcript transcript) {
    Deque<String> sent = new ArrayDeque<>();
    List<Step> steps = new ArrayList<>();
    StringBuilder reply = new StringBuilder();
    String greeting = null;
    boolean inContent = false;
    for (TranscriptEntry entry : transcript.entries()) {
      String line = entry.line();
      if (entry.direction() == Direction.SENT) {
        if (!inContent) {
          sent.add(line);
        } else if (line.equals(END_OF_CONTENT)) {
          inContent = false;
          sent.add(END_OF_CONTENT);
        }
      } else if (entry.direction() == Direction.RECEIVED) {
        reply.append(reply.length() == 0 ? "" : "\n").append(line);
        if (line.length() < 4 || line.charAt(3) != '-') {
          String complete = reply.toString();
          reply.setLength(0);
          if (greeting == null) {
            greeting = complete;
          } else if (!sent.isEmpty()) {
            steps.add(new Step(sent.poll(), complete));
            inContent = complete.startsWith("354");
          }
        }
      }
    }
    if (greeting == null) {
      throw new IllegalArgumentException(
          "The transcript holds no server reply, so there is nothing to replay: " + transcript);
    }
    return new Recording(greeting, steps);
  }

  /**
   * Reads a transcript file as the extension and the runner write them ({@code <- } for what the
   * server said, {@code -> } for what the client sent, {@code === } for notes).
   *
   * @throws UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException when it holds no server reply
   */
  static Recording of(Path file) {
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the transcript " + file, e);
    }
  }

  /** Reads the lines of a transcript file; lines without an arrow are ignored. */
  static Recording parse(List<String> lines) {
    List<TranscriptEntry> entries = new ArrayList<>(lines.size());
    for (String line : lines) {
      entry(line).ifPresent(entries::add);
    }
    return of(new Transcript(entries));
  }

  private static Optional<TranscriptEntry> entry(String line) {
    for (Direction direction : Direction.values()) {
      String arrow = direction.arrow();
      if (line.startsWith(arrow) || line.equals(arrow.stripTrailing())) {
        String text = line.length() > arrow.length() ? line.substring(arrow.length()) : "";
        return Optional.of(new TranscriptEntry(direction, text, Instant.EPOCH, Optional.empty()));
      }
    }
    return Optional.empty();
  }
}
