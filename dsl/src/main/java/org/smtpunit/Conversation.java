package org.smtpunit;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smtpunit.internal.Wire;

/**
 * The state of one SMTP conversation and the only way to talk on it: sends commands, reads replies
 * with the reply deadline, records both in the transcript, and remembers why the conversation ended
 * and what the transaction asked for. The session, a pipeline, SASL and STARTTLS call it; it calls
 * none of them.
 *
 * <p>Any failure to write or read ends the conversation: after a timeout, a malformed reply or a
 * closed stream the reply stream is out of step, so no later reply could be trusted.
 */
final class Conversation {

  private final String remoteHost;
  private final Connection connection;
  private final TranscriptLog log;
  private final Duration replyTimeout;
  private String closedBecause;
  private Optional<TlsInfo> tls;
  private boolean utf8Transaction;
  private boolean ehloSinceTls = true;
  private boolean awaitingContent;

  Conversation(
      String remoteHost,
      Connection connection,
      TranscriptLog log,
      Duration replyTimeout,
      Optional<TlsInfo> tls) {
    this.remoteHost = remoteHost;
    this.connection = connection;
    this.log = log;
    this.replyTimeout = replyTimeout;
    this.tls = tls;
  }

  String remoteHost() {
    return remoteHost;
  }

  Duration replyTimeout() {
    return replyTimeout;
  }

  Connection connection() {
    return connection;
  }

  TranscriptLog log() {
    return log;
  }

  Optional<TlsInfo> tls() {
    return tls;
  }

  /** Whether the current transaction's MAIL FROM asked for SMTPUTF8 (RFC 6531). */
  boolean utf8Transaction() {
    return utf8Transaction;
  }

  /** Whether EHLO was sent since TLS began: RFC 3207 §4.2 voids what was learned before. */
  boolean ehloSinceTls() {
    return ehloSinceTls;
  }

  /** Whether the latest reply was a 354 and the message content has not been sent since. */
  boolean awaitingContent() {
    return awaitingContent && isOpen();
  }

  void note(String text) {
    log.note(text);
  }

  /** Records that EHLO was answered, so the capabilities are known again. */
  void ehloAnswered() {
    ehloSinceTls = true;
  }

  /** Records that TLS now protects the conversation, which starts over (RFC 3207 §4.2). */
  void secured(TlsInfo info) {
    tls = Optional.of(info);
    ehloSinceTls = false;
    utf8Transaction = false;
  }

  /** Reads the server's first words, counted from when the connection opened. */
  SmtpReply greeting(long connectedNanos) {
    return receive(SmtpStage.GREETING, connectedNanos);
  }

  /** Sends one command line, recording it as the command says, and reads the reply. */
  SmtpReply exchange(Command command) {
    ensureOpen(command.stage());
    byte[] bytes = Wire.line(command.line());
    long start = System.nanoTime();
    log.sent(command.shownAs());
    write(bytes, command.stage());
    utf8Transaction = command.utf8After(utf8Transaction);
    return receive(command.stage(), start);
  }

  SmtpReply exchange(SmtpStage stage, String line) {
    return exchange(Command.of(stage, line));
  }

  /** Writes all commands at once, then reads one reply per command (fewer after a 421). */
  List<SmtpReply> exchangeAll(List<Command> commands) {
    ensureOpen(SmtpStage.PIPELINE);
    ByteArrayOutputStream batch = new ByteArrayOutputStream(commands.size() * 48);
    for (Command command : commands) {
      batch.writeBytes(Wire.line(command.line()));
    }
    long start = System.nanoTime();
    commands.forEach(command -> log.sent(command.shownAs()));
    write(batch.toByteArray(), SmtpStage.PIPELINE);
    for (Command command : commands) {
      utf8Transaction = command.utf8After(utf8Transaction);
    }
    List<SmtpReply> replies = new ArrayList<>(commands.size());
    for (Command command : commands) {
      replies.add(receive(command.stage(), start));
      if (!isOpen()) {
        break;
      }
      start = System.nanoTime();
    }
    return List.copyOf(replies);
  }

  /** Sends the message and its end, and reads the end-of-data reply. */
  SmtpReply content(MailMessage message) {
    ensureOpen(SmtpStage.CONTENT);
    byte[] bytes = message.toWireBytes();
    log.sentContent(message.content());
    long start = System.nanoTime();
    try {
      connection.writeBounded(bytes, SmtpStage.CONTENT, replyTimeout);
    } catch (SmtpException e) {
      broken(e);
      throw e;
    }
    awaitingContent = false;
    utf8Transaction = false;
    return receive(SmtpStage.CONTENT, start);
  }

  /** Sends QUIT and closes the connection whatever the reply. */
  SmtpReply quit() {
    try {
      return exchange(SmtpStage.QUIT, "QUIT");
    } finally {
      endedBecause("QUIT was sent");
      connection.close();
    }
  }

  boolean isOpen() {
    return closedBecause == null && !connection.isClosed();
  }

  /** Returns why the conversation ended, or {@code null} while it goes on. */
  String closedBecause() {
    return closedBecause;
  }

  /** Closes the connection without QUIT; calling it again does nothing. */
  void close() {
    endedBecause("the session was closed");
    if (!connection.isClosed()) {
      log.note("Connection closed by the client");
    }
    connection.close();
  }

  /** Ends the conversation after a failure: no later reply could be trusted. */
  void broken(SmtpException e) {
    endedBecause("an earlier " + e.getClass().getSimpleName() + " at " + e.stage());
    connection.close();
  }

  private void endedBecause(String why) {
    if (closedBecause == null) {
      closedBecause = why;
    }
  }

  private void write(byte[] bytes, SmtpStage stage) {
    try {
      connection.write(bytes, stage);
    } catch (SmtpException e) {
      broken(e);
      throw e;
    }
  }

  private SmtpReply receive(SmtpStage stage, long start) {
    SmtpReply reply;
    try {
      reply = connection.reader().read(stage, start, replyTimeout);
    } catch (SmtpException e) {
      broken(e);
      throw e;
    }
    awaitingContent = reply.code() == 354;
    if (reply.code() == 421) {
      // RFC 5321 §3.8: 421 means the server is closing the transmission channel.
      endedBecause("the server closed the session with [" + reply + "]");
      log.note("The server is closing the connection (421)");
      connection.close();
    }
    return reply;
  }

  private void ensureOpen(SmtpStage stage) {
    if (!isOpen()) {
      String why = closedBecause == null ? "the connection is closed" : closedBecause;
      throw new SmtpConnectionClosedException(
          "Cannot send " + stage + " to " + remoteHost + ": " + why + "; nothing was sent",
          stage,
          log.snapshot(),
          null);
    }
  }
}
