package org.smtpunit.mailbox;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpunit.Transcript;
import org.smtpunit.TranscriptEntry;
import org.smtpunit.TranscriptEntry.Direction;

/**
 * The IMAP or POP3 conversation as a {@link Transcript}, made from Angus Mail's protocol trace (its
 * debug output, captured through a {@link PrintStream}). Client commands, server lines and Angus's
 * own remarks become sent, received and note entries. Credentials are redacted before an entry is
 * made: login commands keep their verb only, and the secret, in clear or base64, is replaced
 * wherever it appears. Memory is bounded: the first and the latest lines are kept, the middle of a
 * long conversation (a large message body) is summarised.
 */
final class ProtocolLog {

  private static final int HEAD = 200;
  private static final int TAIL = 800;
  private static final int MAX_LINE = 998;

  private static final Pattern IMAP_COMMAND = Pattern.compile("^A\\d+ (?!OK\\b|NO\\b|BAD\\b).*");
  private static final Pattern POP3_COMMAND =
      Pattern.compile(
          "^(USER|PASS|APOP|AUTH|STAT|LIST|UIDL|RETR|DELE|TOP|QUIT|NOOP|RSET|CAPA|STLS)\\b.*",
          Pattern.CASE_INSENSITIVE);

  /** POP3 commands whose +OK reply goes on until a line holding only a dot (RFC 1939). */
  private static final Pattern POP3_MULTI_LINE =
      Pattern.compile("^(CAPA|LIST|UIDL|RETR \\S+|TOP \\S+ \\S+)$", Pattern.CASE_INSENSITIVE);

  /** An IMAP line ending in a literal's size: that many octets follow (RFC 3501 §4.3). */
  private static final Pattern LITERAL = Pattern.compile(".*\\{(\\d{1,10})\\+?}$");

  /** Angus's dump of its settings at connect: noise in a transcript. */
  private static final Pattern PROPERTY_DUMP = Pattern.compile("^DEBUG (IMAPS?|POP3S?): mail\\..*");

  private static final Pattern LOGIN =
      Pattern.compile(
          "^((?:A\\d+ )?(?:LOGIN|AUTHENTICATE|PASS|APOP|AUTH))\\b.*", Pattern.CASE_INSENSITIVE);

  private final List<TranscriptEntry> head = new ArrayList<>();
  private final Deque<TranscriptEntry> tail = new ArrayDeque<>();
  private final List<String> secrets = new ArrayList<>();
  private int dropped;
  private long literalOctets;
  private boolean multiLineExpected;
  private boolean inMultiLine;

  /** Adds a secret to redact wherever it appears, in clear and in base64. */
  synchronized void redact(String username, String secret) {
    if (secret.isEmpty()) {
      return;
    }
    Base64.Encoder base64 = Base64.getEncoder();
    secrets.add(secret);
    secrets.add(base64.encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    secrets.add(
        base64.encodeToString(("\0" + username + "\0" + secret).getBytes(StandardCharsets.UTF_8)));
    secrets.add(
        base64.encodeToString(
            (username + "\0" + username + "\0" + secret).getBytes(StandardCharsets.UTF_8)));
  }

  /** Returns a stream for Angus's {@code Session.setDebugOut}: each line becomes an entry. */
  PrintStream printStream() {
    return new PrintStream(new LineSplitter(), true, StandardCharsets.UTF_8);
  }

  synchronized void note(String text) {
    add(Direction.NOTE, text);
  }

  synchronized void traced(String raw) {
    String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
    if (literalOctets > 0) {
      // Inside an IMAP literal (a header section or a message): server data, whatever it says.
      literalOctets -= raw.getBytes(StandardCharsets.UTF_8).length + 1;
      add(Direction.RECEIVED, line);
      return;
    }
    if (inMultiLine) {
      inMultiLine = !line.equals(".");
      add(Direction.RECEIVED, line);
      return;
    }
    if (line.startsWith("DEBUG: ") || PROPERTY_DUMP.matcher(line).matches()) {
      return; // Jakarta Mail's provider lookup and property dump, not the conversation.
    }
    if (line.startsWith("DEBUG ")) {
      add(Direction.NOTE, line.substring("DEBUG ".length()));
    } else if (IMAP_COMMAND.matcher(line).matches() || POP3_COMMAND.matcher(line).matches()) {
      Matcher login = LOGIN.matcher(line);
      add(Direction.SENT, login.matches() ? login.group(1) + " ****" : line);
      multiLineExpected = POP3_MULTI_LINE.matcher(line).matches();
    } else {
      if (multiLineExpected && line.startsWith("+OK")) {
        inMultiLine = true;
      }
      multiLineExpected = false;
      Matcher literal = LITERAL.matcher(line);
      if (literal.matches()) {
        literalOctets = Long.parseLong(literal.group(1));
      }
      add(Direction.RECEIVED, line);
    }
  }

  synchronized Transcript snapshot() {
    List<TranscriptEntry> all = new ArrayList<>(head.size() + tail.size() + 1);
    all.addAll(head);
    if (dropped > 0) {
      all.add(entry(Direction.NOTE, "(" + dropped + " lines not shown)"));
    }
    all.addAll(tail);
    return new Transcript(all);
  }

  private void add(Direction direction, String line) {
    TranscriptEntry entry = entry(direction, line);
    if (head.size() < HEAD) {
      head.add(entry);
      return;
    }
    tail.addLast(entry);
    if (tail.size() > TAIL) {
      tail.removeFirst();
      dropped++;
    }
  }

  private TranscriptEntry entry(Direction direction, String line) {
    String shown = line;
    for (String secret : secrets) {
      shown = shown.replace(secret, "****");
    }
    if (shown.length() > MAX_LINE) {
      shown = shown.substring(0, MAX_LINE) + "... (" + shown.length() + " characters)";
    }
    return new TranscriptEntry(direction, shown, Instant.now(), Optional.empty());
  }

  /** Collects bytes into lines and hands each complete line to {@link #traced}. */
  private final class LineSplitter extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
      if (b == '\n') {
        traced(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else if (line.size() < 4 * MAX_LINE) {
        line.write(b);
      }
    }
  }
}
