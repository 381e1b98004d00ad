package org.smtpunit;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch of commands sent in one flight (RFC 2920 PIPELINING): MAIL, RCPT and DATA go out in a
 * single write and the replies are matched to the commands in order. Send pipelines only to servers
 * that advertise {@code PIPELINING}; the client does not check, so a test can see what a server
 * that does not advertise it does.
 *
 * <pre>{@code
 * List<SmtpReply> replies = smtp.pipeline()
 *     .mailFrom("chris@contoso.com")
 *     .rcptTo("kate@fabrikam.com")
 *     .data()
 *     .send();
 * assertThat(replies.get(2)).hasCode(354);
 * smtp.content(message);
 * }</pre>
 *
 * <p>Every argument is validated when the command is added, so a bad one is refused before any byte
 * of the batch is sent. A pipeline is sent once.
 */
public final class Pipeline {

  private final SmtpSession session;
  private final List<SmtpStage> stages = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();
  private boolean utf8;
  private boolean sent;

  Pipeline(SmtpSession session, boolean utf8Transaction) {
    this.session = session;
    this.utf8 = utf8Transaction;
  }

  /**
   * Adds {@code MAIL FROM:<address>}.
   *
   * @throws IllegalArgumentException as {@link SmtpSession#mailFrom}
   */
  public Pipeline mailFrom(String address, MailParameter... params) {
    String line = Commands.mailFrom(address, params);
    utf8 = Commands.asksForSmtpUtf8(params);
    return add(SmtpStage.MAIL, line);
  }

  /**
   * Adds {@code RCPT TO:<address>}.
   *
   * @throws IllegalArgumentException as {@link SmtpSession#rcptTo}
   */
  public Pipeline rcptTo(String address, RcptParameter... params) {
    return add(SmtpStage.RCPT, Commands.rcptTo(address, utf8, params));
  }

  /** Adds {@code DATA}; RFC 2920 §3.1 makes it the last command of a batch. */
  public Pipeline data() {
    return add(SmtpStage.DATA, "DATA");
  }

  /** Adds {@code RSET}. */
  public Pipeline rset() {
    utf8 = false;
    return add(SmtpStage.RSET, "RSET");
  }

  /** Adds {@code NOOP}. */
  public Pipeline noop() {
    return add(SmtpStage.NOOP, "NOOP");
  }

  /**
   * Adds a raw line, sent exactly as given.
   *
   * @throws IllegalArgumentException when the line holds CR, LF or NUL
   */
  public Pipeline command(String rawLine) {
    return add(SmtpStage.COMMAND, Wire.requireSafe("Command line", rawLine));
  }

  /**
   * Sends every command in one write and returns one reply per command, in order; fewer when the
   * server ends the session with {@code 421} part way.
   *
   * @throws IllegalStateException when the pipeline is empty or was already sent
   * @throws SmtpException as {@link SmtpSession} commands do
   */
  public List<SmtpReply> send() {
    if (sent) {
      throw new IllegalStateException("This pipeline was already sent; start a new one");
    }
    if (lines.isEmpty()) {
      throw new IllegalStateException("Nothing to send: add commands to the pipeline first");
    }
    sent = true;
    return session.exchangeAll(stages, lines, utf8, System.nanoTime());
  }

  private Pipeline add(SmtpStage stage, String line) {
    if (sent) {
      throw new IllegalStateException("This pipeline was already sent; start a new one");
    }
    if (!stages.isEmpty() && stages.get(stages.size() - 1) == SmtpStage.DATA) {
      throw new IllegalStateException(
          "DATA must be the last command of a pipelined batch (RFC 2920 §3.1)");
    }
    stages.add(stage);
    lines.add(line);
    return this;
  }
}
