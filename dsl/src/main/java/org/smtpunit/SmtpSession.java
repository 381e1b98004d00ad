package org.smtpunit;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.smtpunit.internal.Wire;

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

  private final SessionSettings settings;
  private final Conversation conversation;
  private final SmtpReply greeting;

  SmtpSession(SessionSettings settings, Conversation conversation, SmtpReply greeting) {
    this.settings = settings;
    this.conversation = conversation;
    this.greeting = greeting;
  }

  /** Returns the server's greeting, usually {@code 220 mail1.fabrikam.com ESMTP ...}. */
  public SmtpReply greeting() {
    return greeting;
  }

  /** Returns the host name (or address) the session was opened to. */
  public String remoteHost() {
    return conversation.remoteHost();
  }

  /** Returns the address and port that answered. */
  public InetSocketAddress remoteAddress() {
    return conversation.remoteAddress();
  }

  /**
   * Sends {@code EHLO domain} and returns the reply with the advertised capabilities.
   *
   * @throws IllegalArgumentException when the domain holds CR, LF, NUL or non-ASCII characters
   */
  public EhloReply ehlo(String domain) {
    Wire.requireAscii("EHLO domain", domain, "send the A-label form (java.net.IDN.toASCII)");
    EhloReply reply = new EhloReply(conversation.exchange(SmtpStage.EHLO, "EHLO " + domain));
    conversation.ehloAnswered(reply);
    return reply;
  }

  /**
   * Sends STARTTLS and, on {@code 220}, upgrades the connection to TLS (RFC 3207); any other reply
   * is returned as it is. After the upgrade every capability learned before it is forgotten: send
   * EHLO again.
   *
   * @throws SmtpTlsException when the handshake fails (naming the check that failed) or does not
   *     complete within the reply timeout counted from STARTTLS, or when the server sent bytes
   *     after its 220 and before the handshake (CVE-2011-0411)
   * @throws IllegalArgumentException before anything is sent, when the host name (or {@code
   *     tlsHostName}) is not one TLS can send as SNI, such as {@code mail_1.example}
   */
  public SmtpReply startTls() {
    return StartTls.upgrade(conversation, settings.tls());
  }

  /** Returns what TLS negotiated, or empty while the session is in plain text. */
  public Optional<TlsInfo> tls() {
    return conversation.tls();
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
    return Sasl.authenticate(
        conversation, mechanism, credentials, settings.allowPlaintextAuth(), System.nanoTime());
  }

  /**
   * Sends {@code HELO domain}, the RFC 821 greeting.
   *
   * @throws IllegalArgumentException when the domain holds CR, LF, NUL or non-ASCII characters
   */
  public SmtpReply helo(String domain) {
    Wire.requireAscii("HELO domain", domain, "send the A-label form (java.net.IDN.toASCII)");
    return conversation.exchange(SmtpStage.HELO, "HELO " + domain);
  }

  /**
   * Sends {@code MAIL FROM:<address>} with the parameters; {@code ""} sends the null reverse-path
   * {@code MAIL FROM:<>}.
   *
   * @throws IllegalArgumentException when the address holds CR, LF or NUL, or non-ASCII characters
   *     without {@link MailParameter#smtpUtf8()}
   */
  public SmtpReply mailFrom(String address, MailParameter... params) {
    long start = System.nanoTime();
    return conversation.exchange(Commands.mailFrom(address, params), start);
  }

  /**
   * Sends {@code RCPT TO:<address>} with the parameters, e.g. {@code NOTIFY=SUCCESS,FAILURE}.
   *
   * @throws IllegalArgumentException when the address holds CR, LF or NUL, or non-ASCII characters
   *     when the transaction's MAIL FROM did not ask for SMTPUTF8
   */
  public SmtpReply rcptTo(String address, RcptParameter... params) {
    long start = System.nanoTime();
    return conversation.exchange(
        Commands.rcptTo(address, conversation.utf8Transaction(), params), start);
  }

  /** Sends {@code DATA}; a willing server answers {@code 354}. */
  public SmtpReply data() {
    return conversation.exchange(SmtpStage.DATA, "DATA");
  }

  /**
   * Sends the message and the terminating {@code .} line, and returns the end-of-data reply ({@code
   * 250 2.6.0 Queued mail for delivery}). A timeout here leaves the outcome unknown; the message is
   * never re-sent.
   */
  public SmtpReply content(MailMessage message) {
    return conversation.content(message, System.nanoTime());
  }

  /**
   * Writes content bytes exactly as given (no CRLF conversion, no dot-stuffing, no end-of-data
   * added) and reads one reply: the hook {@code org.smtpunit.checks} uses for its SMTP smuggling
   * probes, which must put non-standard line endings on the wire. {@code shown} is what the
   * transcript records instead of the bytes.
   */
  SmtpReply rawContent(byte[] bytes, List<String> shown) {
    return VerbatimContent.send(conversation, bytes, shown);
  }

  /** Sends DATA and, if the server answers 354, the message; otherwise returns the DATA reply. */
  public SmtpReply send(MailMessage message) {
    conversation.requireSendable(message);
    SmtpReply data = data();
    return data.code() == 354 ? content(message) : data;
  }

  /**
   * Sends the message with BDAT (RFC 3030 CHUNKING) in chunks of 64 KiB, the last as {@code BDAT n
   * LAST}, instead of DATA; returns the final reply ({@code 250 2.0.0 Ok: queued}).
   *
   * <pre>{@code
   * assertThat(smtp.ehlo("contoso.com")).supports("CHUNKING");
   * smtp.mailFrom("chris@contoso.com");
   * smtp.rcptTo("kate@fabrikam.com");
   * assertThat(smtp.bdat(message)).hasCode(250);
   * }</pre>
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
   * one-line summary of the content, not the content. A timeout leaves the outcome unknown; the
   * message is never re-sent.
   *
   * @throws IllegalStateException before anything is sent, when the latest EHLO did not advertise
   *     CHUNKING (or no EHLO was sent)
   * @throws IllegalArgumentException when {@code chunkSize} is not positive
   */
  public SmtpReply bdat(MailMessage message, int chunkSize) {
    return new Bdat(conversation).send(message, chunkSize);
  }

  /**
   * Returns whether the server is reading message content: true from a {@code 354} reply (to {@link
   * #data()}, to a pipelined DATA or to a raw {@code DATA} line) until {@link
   * #content(MailMessage)} has sent the end of the message; false once the session is closed.
   * Anything but the content sent meanwhile would be taken as part of the message, QUIT included.
   *
   * <pre>{@code
   * smtp.data();
   * smtp.awaitingContent();   // true: the server answered 354
   * smtp.content(message);
   * smtp.awaitingContent();   // false
   * }</pre>
   */
  public boolean awaitingContent() {
    return conversation.awaitingContent();
  }

  /**
   * Starts a batch of commands to send in one flight (RFC 2920 PIPELINING).
   *
   * @see Pipeline
   */
  public Pipeline pipeline() {
    return new Pipeline(conversation);
  }

  /** Sends {@code RSET}, abandoning the transaction. */
  public SmtpReply rset() {
    return conversation.exchange(SmtpStage.RSET, "RSET");
  }

  /** Sends {@code NOOP}. */
  public SmtpReply noop() {
    return conversation.exchange(SmtpStage.NOOP, "NOOP");
  }

  /**
   * Sends {@code VRFY argument}.
   *
   * @throws IllegalArgumentException when the argument holds CR, LF, NUL or non-ASCII characters
   */
  public SmtpReply vrfy(String argument) {
    Wire.requireAscii("VRFY argument", argument, "");
    return conversation.exchange(SmtpStage.VRFY, "VRFY " + argument);
  }

  /** Sends {@code QUIT}, reads the {@code 221} and closes the connection. */
  public SmtpReply quit() {
    return conversation.quit();
  }

  /**
   * Sends a line exactly as given (UTF-8), for anything the other methods do not cover, such as an
   * unknown verb to get {@code 500 5.3.3 Unrecognized command}.
   *
   * @throws IllegalArgumentException when the line holds CR, LF or NUL
   */
  public SmtpReply command(String rawLine) {
    long start = System.nanoTime();
    Wire.requireSafe("Command line", rawLine);
    return conversation.exchange(Command.of(SmtpStage.COMMAND, rawLine), start);
  }

  /** Returns the transcript so far: every line sent and received. */
  public Transcript transcript() {
    return conversation.log().snapshot();
  }

  /** Returns whether commands can still be sent: not closed, not ended by QUIT or 421. */
  public boolean isOpen() {
    return conversation.isOpen();
  }

  /** Closes the connection without QUIT; calling it again does nothing. */
  @Override
  public void close() {
    conversation.close();
  }

  @Override
  public String toString() {
    return "SmtpSession[" + conversation + "]";
  }
}
