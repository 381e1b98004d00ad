package org.smtpunit;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.smtpunit.internal.Wire;

/**
 * The BDAT transfer of one message (RFC 3030 CHUNKING): the content as CRLF lines without
 * dot-stuffing, cut into chunks, each announced by {@code BDAT n}, the last by {@code BDAT n LAST}.
 * With PIPELINING every chunk goes in one flight (RFC 3030 §4.2 allows it); without it each chunk
 * waits for its reply.
 */
final class Bdat {

  /** The chunk size of {@link SmtpSession#bdat(MailMessage)}. */
  static final int DEFAULT_CHUNK_SIZE = 64 * 1024;

  private final Conversation conversation;
  private final EhloReply ehlo;

  Bdat(Conversation conversation) {
    this.conversation = conversation;
    this.ehlo = conversation.lastEhlo().orElse(null);
  }

  /** Sends the message and returns the first negative reply or the last; the transaction ends. */
  SmtpReply send(MailMessage message, int chunkSize) {
    Objects.requireNonNull(message, "message");
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be positive, was [" + chunkSize + "]");
    }
    if (ehlo == null || !ehlo.supports("CHUNKING")) {
      throw new IllegalStateException(
          "BDAT needs the CHUNKING extension (RFC 3030), but "
              + (ehlo == null
                  ? "no EHLO reply is known for this session (send EHLO first, again after"
                      + " STARTTLS)"
                  : "the server's EHLO reply does not advertise CHUNKING")
              + "; send the message with data() and content() instead; nothing was sent");
    }
    byte[] content = wireContent(message);
    List<int[]> chunks = new ArrayList<>();
    for (int from = 0; from < content.length || chunks.isEmpty(); from += chunkSize) {
      chunks.add(new int[] {from, Math.min(content.length, from + chunkSize)});
    }
    SmtpReply reply =
        ehlo.supports("PIPELINING") ? pipelined(content, chunks) : stepwise(content, chunks);
    conversation.transactionEnded();
    return reply;
  }

  private SmtpReply pipelined(byte[] content, List<int[]> chunks) {
    ByteArrayOutputStream flight = new ByteArrayOutputStream(content.length + chunks.size() * 24);
    List<String> commands = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      int[] chunk = chunks.get(i);
      String command = command(chunk, i == chunks.size() - 1);
      commands.add(command);
      flight.writeBytes(Wire.line(command));
      flight.write(content, chunk[0], chunk[1] - chunk[0]);
    }
    SmtpReply early =
        write(
            commands,
            "(" + content.length + " octets of message content in " + chunks.size() + " chunks)",
            flight.toByteArray());
    if (early != null) {
      return early;
    }
    long sent = System.nanoTime();
    SmtpReply firstNegative = null;
    SmtpReply last = null;
    for (int i = 0; i < chunks.size() && conversation.isOpen(); i++) {
      last = conversation.receive(SmtpStage.BDAT, sent, sent);
      if (firstNegative == null && !last.isPositiveCompletion()) {
        firstNegative = last;
      }
      sent = System.nanoTime();
    }
    return firstNegative != null ? firstNegative : last;
  }

  private SmtpReply stepwise(byte[] content, List<int[]> chunks) {
    SmtpReply reply = null;
    for (int i = 0; i < chunks.size(); i++) {
      int[] chunk = chunks.get(i);
      String command = command(chunk, i == chunks.size() - 1);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(chunk[1] - chunk[0] + 24);
      bytes.writeBytes(Wire.line(command));
      bytes.write(content, chunk[0], chunk[1] - chunk[0]);
      SmtpReply early =
          write(
              List.of(command),
              "(" + (chunk[1] - chunk[0]) + " octets of message content)",
              bytes.toByteArray());
      long sent = System.nanoTime();
      reply = early != null ? early : conversation.receive(SmtpStage.BDAT, sent, sent);
      if (!reply.isPositiveCompletion()) {
        break;
      }
    }
    return reply;
  }

  /**
   * Writes one flight of BDAT command lines and chunk bytes, recording the lines and a summary of
   * the content in the transcript. Returns {@code null} once the bytes are written, or the refusal
   * the server sent before it had read them all (an early {@code 552}: the rest was not sent and
   * the connection is closed).
   */
  private SmtpReply write(List<String> lines, String summary, byte[] bytes) {
    conversation.ensureOpen(SmtpStage.BDAT);
    conversation.refuseUnsolicited(SmtpStage.BDAT);
    for (String line : lines) {
      conversation.log().sent(line);
    }
    conversation.log().note(summary);
    SmtpReply early = conversation.write(bytes, SmtpStage.BDAT, System.nanoTime(), true);
    if (early != null) {
      conversation.transactionEnded();
    }
    return early;
  }

  private static String command(int[] chunk, boolean last) {
    return "BDAT " + (chunk[1] - chunk[0]) + (last ? " LAST" : "");
  }

  /**
   * The content as sent: CRLF line endings and a final CRLF as for DATA, but without DATA's
   * dot-stuffing and end line (RFC 3030 §2: BDAT counts octets, so nothing needs escaping). Made
   * from {@link MailMessage#toWireBytes()} by undoing exactly what it added.
   */
  static byte[] wireContent(MailMessage message) {
    byte[] data = message.toWireBytes();
    int end = data.length - 3; // the ".\r\n" end line
    ByteArrayOutputStream out = new ByteArrayOutputStream(end);
    boolean lineStart = true;
    for (int i = 0; i < end; i++) {
      byte b = data[i];
      if (!(lineStart && b == '.')) {
        out.write(b);
      }
      lineStart = b == '\n';
    }
    return out.toByteArray();
  }
}
