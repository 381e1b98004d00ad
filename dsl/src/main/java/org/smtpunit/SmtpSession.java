package org.smtpunit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/**
 * One SMTP conversation over one connection: each method is one line of the telnet walkthrough and
 * returns the server's reply to assert on. Negative replies are values, not exceptions; the session
 * does not enforce command order, so a test can send commands out of order and see the server's
 * 503.
 *
 * <pre>{@code
 * try (SmtpSession smtp = SmtpClient.defaults().open("mail1.fabrikam.com", 25)) {
 *   assertThat(smtp.ehlo("contoso.com")).isSuccess();
 *   assertThat(smtp.mailFrom("chris@contoso.com")).hasEnhancedStatus("2.1.0");
 *   assertThat(smtp.rcptTo("kate@fabrikam.com", RcptParameter.notify(SUCCESS, FAILURE)))
 *       .hasCode(250);
 *   assertThat(smtp.data()).hasCode(354);
 *   assertThat(smtp.content(MailMessage.raw("Subject:Test from Contoso\r\n\r\nHi"))).hasCode(250);
 *   assertThat(smtp.quit()).hasCode(221);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one test thread drives one session. Every method that talks to the server
 * throws {@link SmtpTimeoutException}, {@link SmtpConnectionClosedException} or {@link
 * SmtpProtocolException} when the conversation breaks, and {@link IllegalArgumentException}, before
 * anything is sent, for an argument that holds CR, LF or NUL.
 */
public final class SmtpSession implements AutoCloseable {

  /** How many lines of message content the transcript shows before it summarises the rest. */
  private static final int CONTENT_LINES_SHOWN = 200;

  private final SmtpClient client;
  private final String remoteHost;
  private final InetSocketAddress remoteAddress;
  private final Duration replyTimeout;
  private final TranscriptLog log;
  private final Connection connection;
  private SmtpReply greeting;
  private String closedBecause;
  private boolean utf8Transaction;
  private Optional<TlsInfo> tls = Optional.empty();
  private boolean ehloSinceTls = true;
  private EhloReply lastEhlo;

  SmtpSession(SmtpClient client, String remoteHost, Connection connection, TranscriptLog log) {
    this.client = client;
    this.remoteHost = remoteHost;
    this.connection = connection;
    this.log = log;
    this.replyTimeout = client.replyTimeout();
    if (connection.socket() instanceof SSLSocket ssl) {
      tls = Optional.of(client.tlsSettings().info(ssl.getSession()));
    }
    this.remoteAddress = (InetSocketAddress) connection.socket().getRemoteSocketAddress();
  }

  /** Reads the 220 greeting (or whatever the server says first). */
  SmtpReply readGreeting(long connectedNanos) {
    greeting = receive(SmtpStage.GREETING, connectedNanos);
    return greeting;
  }

  /** Returns the server's greeting, usually {@code 220 mail1.fabrikam.com ESMTP ...}. */
  public SmtpReply greeting() {
    return greeting;
  }

  /** Returns the host name (or address) the session was opened to. */
  public String remoteHost() {
    return remoteHost;
  }

  /** Returns the address and port that answered. */
  public InetSocketAddress remoteAddress() {
    return remoteAddress;
  }

  /**
   * Sends {@code EHLO domain} and returns the reply with the advertised capabilities.
   *
   * @throws IllegalArgumentException when the domain holds CR, LF, NUL or non-ASCII characters
   */
  public EhloReply ehlo(String domain) {
    Wire.requireAscii("EHLO domain", domain, "send the A-label form (java.net.IDN.toASCII)");
    EhloReply reply = new EhloReply(exchange(SmtpStage.EHLO, "EHLO " + domain));
    ehloSinceTls = true;
    lastEhlo = reply;
    return reply;
  }

  /**
   * Sends STARTTLS and, on {@code 220}, upgrades the connection to TLS (RFC 3207); any other reply
   * is returned as it is. After the upgrade every capability learned before it is forgotten: send
   * EHLO again.
   *
   * @throws SmtpTlsException when the handshake fails (naming the check that failed), or when the
   *     server sent bytes after its 220 and before the handshake (CVE-2011-0411)
   */
  public SmtpReply startTls() {
    SmtpReply reply = exchange(SmtpStage.STARTTLS, "STARTTLS");
    if (reply.code() != 220) {
      return reply;
    }
    int injected = connection.reader().discardBuffered() + connection.available();
    if (injected > 0) {
      SmtpTlsException e =
          new SmtpTlsException(
              "The server sent "
                  + injected
                  + " bytes after its 220 to STARTTLS and before the TLS handshake: they could be"
                  + " commands or replies injected in plain text (CVE-2011-0411), so the session"
                  + " was ended instead of reading them as TLS-protected",
              SmtpStage.STARTTLS,
              log.snapshot(),
              null);
      broken(e);
      throw e;
    }
    SSLSocket ssl;
    try {
      ssl =
          client
              .tlsSettings()
              .handshake(
                  connection.socket(),
                  remoteHost,
                  (int) replyTimeout.toMillis(),
                  SmtpStage.STARTTLS,
                  log);
      connection.attach(ssl);
    } catch (SmtpTlsException e) {
      broken(e);
      throw e;
    } catch (IOException e) {
      SmtpTlsException failure =
          new SmtpTlsException(
              "TLS layer could not be attached: " + e, SmtpStage.STARTTLS, log.snapshot(), e);
      broken(failure);
      throw failure;
    }
    tls = Optional.of(client.tlsSettings().info(ssl.getSession()));
    ehloSinceTls = false;
    lastEhlo = null;
    utf8Transaction = false;
    return reply;
  }

  /** Returns what TLS negotiated, or empty while the session is in plain text. */
  public Optional<TlsInfo> tls() {
    return tls;
  }

  /**
   * Authenticates (RFC 4954) and returns the final reply: {@code 235}, or {@code 535}, {@code 530},
   * {@code 534}... to assert on. The credentials never reach the transcript: responses are recorded
   * as {@code ****}, the server's prompts decoded.
   *
   * @throws SmtpSecurityException before sending anything, when the connection is not encrypted and
   *     the client was not built with {@code allowPlaintextAuth(true)}
   * @throws IllegalStateException when STARTTLS succeeded and no EHLO followed it (RFC 3207 §4.2)
   */
  public SmtpReply auth(AuthMechanism mechanism, Credentials credentials) {
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(credentials, "credentials");
    if (tls.isEmpty() && !client.allowsPlaintextAuth()) {
      throw new SmtpSecurityException(
          "Refusing AUTH "
              + mechanism.saslName()
              + " to "
              + remoteHost
              + " over a connection that is not encrypted: Basic authentication without"
              + " encryption is not recommended, because the credentials are easy to read. Use"
              + " TlsMode.STARTTLS, startTls() or implicit TLS, or build the client with"
              + " allowPlaintextAuth(true) for a lab server; nothing was sent",
          SmtpStage.AUTH,
          log.snapshot());
    }
    if (!ehloSinceTls) {
      throw new IllegalStateException(
          "Send EHLO again after STARTTLS before AUTH: RFC 3207 §4.2 makes the client forget every"
              + " capability learned before TLS, including the AUTH mechanisms; nothing was sent");
    }
    return Sasl.authenticate(this, mechanism, credentials);
  }

  void note(String text) {
    log.note(text);
  }

  /** Runs the client's own EHLO and STARTTLS for {@link TlsMode#STARTTLS} and its variant. */
  void upgradeOnOpen(boolean required) {
    EhloReply ehlo = ehlo(client.clientDomain());
    if (!ehlo.supports("STARTTLS")) {
      if (required) {
        throw new SmtpTlsException(
            remoteHost
                + " does not advertise STARTTLS in its EHLO reply, and the client requires it"
                + " (TlsMode.STARTTLS); use STARTTLS_IF_OFFERED to continue in plain text",
            SmtpStage.STARTTLS,
            log.snapshot(),
            null);
      }
      log.note("STARTTLS not offered: continuing in plain text (STARTTLS_IF_OFFERED)");
      return;
    }
    SmtpReply reply = startTls();
    if (reply.code() != 220) {
      if (required) {
        throw new SmtpTlsException(
            remoteHost + " refused STARTTLS with [" + reply + "], and the client requires TLS",
            SmtpStage.STARTTLS,
            log.snapshot(),
            null);
      }
      log.note("STARTTLS refused: continuing in plain text (STARTTLS_IF_OFFERED)");
    }
  }

  /**
   * Sends {@code HELO domain}, the RFC 821 greeting.
   *
   * @throws IllegalArgumentException when the domain holds CR, LF, NUL or non-ASCII characters
   */
  public SmtpReply helo(String domain) {
    Wire.requireAscii("HELO domain", domain, "send the A-label form (java.net.IDN.toASCII)");
    return exchange(SmtpStage.HELO, "HELO " + domain);
  }

  /**
   * Sends {@code MAIL FROM:<address>} with the parameters; {@code ""} sends the null reverse-path
   * {@code MAIL FROM:<>}.
   *
   * @throws IllegalArgumentException when the address holds CR, LF or NUL, or non-ASCII characters
   *     without {@link MailParameter#smtpUtf8()}
   */
  public SmtpReply mailFrom(String address, MailParameter... params) {
    String line = Commands.mailFrom(address, params);
    utf8Transaction = Commands.asksForSmtpUtf8(params);
    return exchange(SmtpStage.MAIL, line);
  }

  /**
   * Sends {@code RCPT TO:<address>} with the parameters, e.g. {@code NOTIFY=SUCCESS,FAILURE}.
   *
   * @throws IllegalArgumentException when the address holds CR, LF or NUL, or non-ASCII characters
   *     when the transaction's MAIL FROM did not ask for SMTPUTF8
   */
  public SmtpReply rcptTo(String address, RcptParameter... params) {
    return exchange(SmtpStage.RCPT, Commands.rcptTo(address, utf8Transaction, params));
  }

  /** Sends {@code DATA}; a willing server answers {@code 354}. */
  public SmtpReply data() {
    return exchange(SmtpStage.DATA, "DATA");
  }

  /**
   * Sends the message and the terminating {@code .} line, and returns the end-of-data reply ({@code
   * 250 2.6.0 Queued mail for delivery}). A timeout here leaves the outcome unknown; the message is
   * never re-sent.
   */
  public SmtpReply content(MailMessage message) {
    Objects.requireNonNull(message, "message");
    ensureOpen(SmtpStage.CONTENT);
    byte[] bytes = message.toWireBytes();
    logContent(message);
    try {
      connection.writeBounded(bytes, SmtpStage.CONTENT, replyTimeout);
    } catch (SmtpException e) {
      broken(e);
      throw e;
    }
    // The reply's elapsed time counts from the command's last byte.
    long start = System.nanoTime();
    utf8Transaction = false;
    return receive(SmtpStage.CONTENT, start);
  }

  /** Sends DATA and, if the server answers 354, the message; otherwise returns the DATA reply. */
  public SmtpReply send(MailMessage message) {
    Objects.requireNonNull(message, "message");
    SmtpReply data = data();
    return data.code() == 354 ? content(message) : data;
  }

  /**
   * Sends the message with BDAT (RFC 3030 CHUNKING) in chunks of 64 KiB, the last as {@code BDAT n
   * LAST}, instead of DATA; returns the final reply ({@code 250 2.0.0 Ok: queued}).
   *
   * @throws IllegalStateException before anything is sent, when the latest EHLO did not advertise
   *     CHUNKING (or no EHLO was sent)
   * @see #bdat(MailMessage, int)
   */
  public SmtpReply bdat(MailMessage message) {
    return bdat(message, Bdat.DEFAULT_CHUNK_SIZE);
  }

  /**
   * Sends the message with BDAT (RFC 3030) in chunks of {@code chunkSize} octets, {@code BDAT n
   * LAST} at the end. Where the EHLO advertised PIPELINING all chunks go in one flight and the
   * replies are read afterwards; otherwise each chunk waits for its {@code 250}. Returns the first
   * negative reply, or the reply to the LAST chunk. The transcript shows each BDAT command and a
   * one-line summary of its chunk, not the content.
   *
   * @throws IllegalStateException before anything is sent, when the latest EHLO did not advertise
   *     CHUNKING (or no EHLO was sent)
   * @throws IllegalArgumentException when {@code chunkSize} is not positive
   */
  public SmtpReply bdat(MailMessage message, int chunkSize) {
    Objects.requireNonNull(message, "message");
    SmtpReply reply = new Bdat(this, lastEhlo).send(message, chunkSize);
    utf8Transaction = false;
    return reply;
  }

  /**
   * Writes one flight of command lines and chunk bytes (BDAT), recording the lines and a summary in
   * the transcript; returns when the bytes are written, as {@link System#nanoTime()}.
   */
  long writeChunks(List<String> lines, String summary, byte[] bytes) {
    ensureOpen(SmtpStage.BDAT);
    lines.forEach(log::sent);
    log.note(summary);
    try {
      connection.writeBounded(bytes, SmtpStage.BDAT, replyTimeout);
    } catch (SmtpException e) {
      broken(e);
      throw e;
    }
    return System.nanoTime();
  }

  /** Reads one reply to a command written by {@link #writeChunks}. */
  SmtpReply readReply(SmtpStage stage, long sentNanos) {
    return receive(stage, sentNanos);
  }

  /**
   * Starts a batch of commands to send in one flight (RFC 2920 PIPELINING).
   *
   * @see Pipeline
   */
  public Pipeline pipeline() {
    return new Pipeline(this, utf8Transaction);
  }

  /** Sends {@code RSET}, abandoning the transaction. */
  public SmtpReply rset() {
    utf8Transaction = false;
    return exchange(SmtpStage.RSET, "RSET");
  }

  /** Sends {@code NOOP}. */
  public SmtpReply noop() {
    return exchange(SmtpStage.NOOP, "NOOP");
  }

  /**
   * Sends {@code VRFY argument}.
   *
   * @throws IllegalArgumentException when the argument holds CR, LF, NUL or non-ASCII characters
   */
  public SmtpReply vrfy(String argument) {
    Wire.requireAscii("VRFY argument", argument, "");
    return exchange(SmtpStage.VRFY, "VRFY " + argument);
  }

  /** Sends {@code QUIT}, reads the {@code 221} and closes the connection. */
  public SmtpReply quit() {
    try {
      return exchange(SmtpStage.QUIT, "QUIT");
    } finally {
      if (closedBecause == null) {
        closedBecause = "QUIT was sent";
      }
      connection.close();
    }
  }

  /**
   * Sends a line exactly as given (UTF-8), for anything the other methods do not cover, such as an
   * unknown verb to get {@code 500 5.3.3 Unrecognized command}.
   *
   * @throws IllegalArgumentException when the line holds CR, LF or NUL
   */
  public SmtpReply command(String rawLine) {
    Wire.requireSafe("Command line", rawLine);
    return exchange(SmtpStage.COMMAND, rawLine);
  }

  /** Returns the transcript so far: every line sent and received. */
  public Transcript transcript() {
    return log.snapshot();
  }

  /** Returns whether commands can still be sent: not closed, not ended by QUIT or 421. */
  public boolean isOpen() {
    return closedBecause == null && !connection.isClosed();
  }

  /** Closes the connection without QUIT; calling it again does nothing. */
  @Override
  public void close() {
    if (closedBecause == null) {
      closedBecause = "the session was closed";
    }
    if (!connection.isClosed()) {
      log.note("Connection closed by the client");
    }
    connection.close();
  }

  @Override
  public String toString() {
    return "SmtpSession["
        + remoteHost
        + " "
        + remoteAddress
        + (isOpen() ? ", open" : ", closed: " + closedBecause)
        + "]";
  }

  SmtpReply exchange(SmtpStage stage, String line) {
    return exchange(stage, line, line);
  }

  /** Sends one command line, recording {@code shownAs} in the transcript, and reads the reply. */
  SmtpReply exchange(SmtpStage stage, String line, String shownAs) {
    ensureOpen(stage);
    byte[] bytes = Wire.line(line);
    log.sent(shownAs);
    try {
      connection.write(bytes, stage);
    } catch (SmtpException e) {
      broken(e);
      throw e;
    }
    long start = System.nanoTime();
    return receive(stage, start);
  }

  /** Writes all lines at once, then reads one reply per line (fewer after a 421). */
  List<SmtpReply> exchangeAll(List<SmtpStage> stages, List<String> lines, boolean utf8) {
    ensureOpen(SmtpStage.PIPELINE);
    ByteArrayOutputStream batch = new ByteArrayOutputStream(lines.size() * 48);
    for (String line : lines) {
      batch.writeBytes(Wire.line(line));
    }
    lines.forEach(log::sent);
    try {
      connection.write(batch.toByteArray(), SmtpStage.PIPELINE);
    } catch (SmtpException e) {
      broken(e);
      throw e;
    }
    long start = System.nanoTime();
    utf8Transaction = utf8;
    List<SmtpReply> replies = new ArrayList<>(lines.size());
    for (SmtpStage stage : stages) {
      replies.add(receive(stage, start));
      if (!isOpen()) {
        break;
      }
      start = System.nanoTime();
    }
    return List.copyOf(replies);
  }

  private SmtpReply receive(SmtpStage stage, long start) {
    SmtpReply reply;
    try {
      reply = connection.reader().read(stage, start, replyTimeout);
    } catch (SmtpException e) {
      broken(e);
      throw e;
    }
    if (reply.code() == 421) {
      // RFC 5321 §3.8: 421 means the server is closing the transmission channel.
      closedBecause = "the server closed the session with [" + reply + "]";
      log.note("The server is closing the connection (421)");
      connection.close();
    }
    return reply;
  }

  private void ensureOpen(SmtpStage stage) {
    if (closedBecause != null || connection.isClosed()) {
      String why = closedBecause == null ? "the connection is closed" : closedBecause;
      throw new SmtpConnectionClosedException(
          "Cannot send " + stage + " to " + remoteHost + ": " + why + "; nothing was sent",
          stage,
          log.snapshot(),
          null);
    }
  }

  private void broken(SmtpException e) {
    // After a timeout, a malformed reply or a closed stream the reply stream is out of step:
    // no later reply could be trusted, so the session ends here.
    if (closedBecause == null) {
      closedBecause = "an earlier " + e.getClass().getSimpleName() + " at " + e.stage();
    }
    connection.close();
  }

  private void logContent(MailMessage message) {
    String content = message.content();
    int lines = 0;
    int from = 0;
    while (from <= content.length()) {
      int end = nextLineEnd(content, from);
      if (end < 0) {
        if (from < content.length()) {
          log.sent(shown(content, from, content.length()));
        }
        break;
      }
      if (lines++ == CONTENT_LINES_SHOWN) {
        log.note("(" + (content.length() - from) + " more characters of content not shown)");
        break;
      }
      log.sent(shown(content, from, end));
      from = end + (content.startsWith("\r\n", end) ? 2 : 1);
    }
    log.sent(".");
  }

  /** A content line for the transcript, cut at RFC 5322's 998-character line limit. */
  private static String shown(String content, int from, int end) {
    return end - from <= 998
        ? content.substring(from, end)
        : content.substring(from, from + 998) + "... (" + (end - from) + " characters)";
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
