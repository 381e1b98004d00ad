package org.smtpunit;

/**
 * The step of an SMTP conversation at which something happened; every {@link SmtpException} names
 * one so that a failure reads like the walkthrough ("at RCPT", "at content").
 *
 * <pre>{@code
 * catch (SmtpTimeoutException e) {
 *   if (e.stage() == SmtpStage.CONTENT) { ... }  // the message may have been delivered
 * }
 * }</pre>
 */
public enum SmtpStage {
  /** Looking up MX or address records (nslookup, step 2 of the walkthrough). */
  DNS("DNS lookup"),
  /** Opening the TCP connection (telnet's {@code open host 25}). */
  CONNECT("connect"),
  /** Waiting for the server's 220 greeting. */
  GREETING("greeting"),
  /** The EHLO command. */
  EHLO("EHLO"),
  /** The HELO command. */
  HELO("HELO"),
  /** The STARTTLS command and the TLS handshake after it. */
  STARTTLS("STARTTLS"),
  /** The TLS handshake of an implicit-TLS connection. */
  TLS_HANDSHAKE("TLS handshake"),
  /** The AUTH command and its challenges. */
  AUTH("AUTH"),
  /** The MAIL FROM command. */
  MAIL("MAIL FROM"),
  /** The RCPT TO command. */
  RCPT("RCPT TO"),
  /** The DATA command (the 354 step). */
  DATA("DATA"),
  /** The message content and its terminating {@code .} line. */
  CONTENT("content"),
  /** A BDAT command and its chunk of message content (RFC 3030 CHUNKING). */
  BDAT("BDAT"),
  /** The RSET command. */
  RSET("RSET"),
  /** The NOOP command. */
  NOOP("NOOP"),
  /** The VRFY command. */
  VRFY("VRFY"),
  /** The QUIT command. */
  QUIT("QUIT"),
  /** A raw command line sent with {@link SmtpSession#command(String)}. */
  COMMAND("command"),
  /** A batch of pipelined commands (RFC 2920). */
  PIPELINE("pipelined commands"),
  /** Reading a mailbox over IMAP or POP3 ({@code org.smtpunit.mailbox}). */
  MAILBOX("mailbox");

  private final String label;

  SmtpStage(String label) {
    this.label = label;
  }

  /** Returns the stage as a mail administrator names it, e.g. {@code MAIL FROM}. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
