package org.smtpunit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.smtpunit.internal.Wire;

/**
 * The state of one SMTP conversation and the only way to talk on it: sends commands, reads replies
 * with the reply deadline, records both in the transcript, and remembers why the conversation ended
 * and what the transaction asked for. The session, a pipeline, BDAT, SASL and STARTTLS call it; it
 * calls none of them.
 *
 * <p>Any failure to write or read ends the conversation: after a timeout, a malformed reply or a
 * closed stream the reply stream is out of step, so no later reply could be trusted.
 */
final class Conversation {

  private final String remoteHost;
  private final InetSocketAddress remoteAddress;
  private final Connection connection;
  private final TranscriptLog log;
  private final Duration replyTimeout;

  /** Why the conversation ended, or {@code null} while it goes on. */
  private String closedBecause;

  private Optional<TlsInfo> tls;
  private boolean utf8Transaction;
  private boolean ehloSinceTls = true;
  private boolean awaitingContent;
  private EhloReply lastEhlo;

  Conversation(
      String remoteHost,
      Connection connection,
      TranscriptLog log,
      Duration replyTimeout,
      Optional<TlsInfo> tls) {
    this.remoteHost = remoteHost;
    this.remoteAddress = (InetSocketAddress) connection.socket().getRemoteSocketAddress();
    this.connection = connection;
    this.log = log;
    this.replyTimeout = replyTimeout;
    this.tls = tls;
  }

  String remoteHost() {
    return remoteHost;
  }

  /** The address and port that answered. */
  InetSocketAddress remoteAddress() {
    return remoteAddress;
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

  /** Records that EHLO was answered, so the capabilities are known again. */
  void ehloAnswered(EhloReply reply) {
    ehloSinceTls = true;
    lastEhlo = reply;
  }

  /** The latest EHLO reply since TLS began, for extensions such as CHUNKING; empty before one. */
  Optional<EhloReply> lastEhlo() {
    return Optional.ofNullable(lastEhlo);
  }

  /** Records that TLS now protects the conversation, which starts over (RFC 3207 §4.2). */
  void secured(TlsInfo info) {
    tls = Optional.of(info);
    ehloSinceTls = false;
    lastEhlo = null;
    utf8Transaction = false;
  }

  /** Reads the server's first words, counted from when the connection opened. */
  SmtpReply greeting(long connectedNanos) {
    return receive(SmtpStage.GREETING, connectedNanos);
  }

  /**
   * Sends one command line, recording it as the command says, and reads the reply, all within the
   * reply timeout from {@code start} (when the call began: one deadline per call).
   */
  SmtpReply exchange(Command command, long start) {
    ensureOpen(command.stage());
    byte[] bytes = Wire.line(command.line());
    refuseUnsolicited(command.stage());
    // Loops rather than forEach(log::note) here and below: the first command of a cold JVM would
    // spin up a lambda class for each method reference.
    for (String note : Wire.limitNotes(command.line(), bytes.length)) {
      log.note(note);
    }
    log.sent(command.shownAs());
    SmtpReply early = write(bytes, command.stage(), start, true);
    // The reply's elapsed time counts from the command's last byte; its deadline from start.
    long sent = System.nanoTime();
    commandSent(command);
    return early != null ? early : receive(command.stage(), start, sent);
  }

  SmtpReply exchange(Command command) {
    return exchange(command, System.nanoTime());
  }

  SmtpReply exchange(SmtpStage stage, String line) {
    return exchange(Command.of(stage, line));
  }

  /**
   * Refuses, before anything is sent, a message this transaction may not carry: a non-ASCII address
   * in its header without SMTPUTF8.
   *
   * @throws IllegalArgumentException naming the header field
   */
  void requireSendable(MailMessage message) {
    Objects.requireNonNull(message, "message");
    message.requireAsciiAddresses(utf8Transaction);
  }

  /** Sends the message and its end, and reads the end-of-data reply, by the call's deadline. */
  SmtpReply content(MailMessage message, long start) {
    requireSendable(message);
    ensureOpen(SmtpStage.CONTENT);
    byte[] bytes = message.toWireBytes();
    log.sentContent(message.content());
    refuseUnsolicited(SmtpStage.CONTENT);
    SmtpReply early = write(bytes, SmtpStage.CONTENT, start, true);
    long sent = System.nanoTime();
    transactionEnded();
    return early != null ? early : receive(SmtpStage.CONTENT, start, sent);
  }

  /** Records that the message was sent (its end, or BDAT LAST): the transaction is over. */
  void transactionEnded() {
    awaitingContent = false;
    utf8Transaction = false;
  }

  /** Records that the command went out: it may begin or end an SMTPUTF8 transaction. */
  void commandSent(Command command) {
    utf8Transaction = command.utf8After(utf8Transaction);
  }

  /** Sends QUIT and closes the connection whatever the reply. */
  SmtpReply quit() {
    try {
      return exchange(SmtpStage.QUIT, "QUIT");
    } finally {
      quitSent();
    }
  }

  /** Ends the conversation once QUIT went out, whatever its reply (or its failure). */
  void quitSent() {
    endedBecause("QUIT was sent");
    connection.close();
  }

  boolean isOpen() {
    return closedBecause == null && !connection.isClosed();
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

  /**
   * Writes within the reply timeout from {@code start}; returns {@code null}, or a reply the server
   * sent while the client was still writing (an early {@code 5xx}), which ends the conversation.
   */
  SmtpReply write(byte[] bytes, SmtpStage stage, long start, boolean watchForEarlyReply) {
    SmtpReply early;
    try {
      early = connection.write(bytes, stage, start, replyTimeout, watchForEarlyReply);
    } catch (SmtpException e) {
      broken(e);
      throw e;
    }
    if (early != null) {
      endedBecause("the server replied [" + early + "] before the command was fully sent");
    }
    return early;
  }

  /**
   * RFC 5321 §4.2: a reply answers one command. Bytes that arrived before the next command was sent
   * are a reply to nothing (one too many, or a fault): reading on would pair every later reply with
   * the wrong command, so the conversation ends here.
   */
  void refuseUnsolicited(SmtpStage stage) {
    if (!connection.reader().pollInput()) {
      return;
    }
    SmtpProtocolException e =
        SendRefusals.unsolicited(stage, connection.reader().bufferedPreview(), log);
    broken(e);
    throw e;
  }

  private SmtpReply receive(SmtpStage stage, long start) {
    return receive(stage, start, start);
  }

  /** Reads a reply due within the reply timeout from {@code start}, timed from {@code sent}. */
  SmtpReply receive(SmtpStage stage, long start, long sent) {
    SmtpReply reply;
    try {
      reply = connection.reader().read(stage, start, replyTimeout, sent);
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

  /** Names the host, the address that answered, and whether the conversation goes on. */
  @Override
  public String toString() {
    return remoteHost + " " + remoteAddress + (isOpen() ? ", open" : ", closed: " + closedBecause);
  }

  /**
   * Refuses to send anything for {@code stage} once the conversation has ended.
   *
   * @throws SmtpConnectionClosedException saying why it ended
   */
  void ensureOpen(SmtpStage stage) {
    if (!isOpen()) {
      throw SendRefusals.closed(stage, remoteHost, closedBecause, log);
    }
  }
}
