package org.smtpunit.mailbox;

import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;
import org.smtpunit.SmtpClient;
import org.smtpunit.TlsMode;

/**
 * Where and how a {@link Mailbox} connects: protocol, host, port, TLS (through an {@link
 * SmtpClient}'s settings, so trust works as for SMTP), timeouts, folder.
 */
record MailboxSettings(
    Protocol protocol,
    String host,
    int port,
    TlsMode tlsMode,
    SmtpClient tls,
    boolean allowPlaintextAuth,
    String folder) {

  /** The two mailbox access protocols. */
  enum Protocol {
    IMAP,
    POP3
  }

  String angusProtocol() {
    String name = protocol == Protocol.IMAP ? "imap" : "pop3";
    return tlsMode == TlsMode.IMPLICIT ? name + "s" : name;
  }

  String protocolName() {
    return protocol.name();
  }

  SSLSocketFactory socketFactory() {
    return tls.tlsSocketFactory(host);
  }

  long connectMillis() {
    return tls.connectTimeout().toMillis();
  }

  long timeoutMillis() {
    return tls.replyTimeout().toMillis();
  }

  Duration timeout() {
    return tls.replyTimeout();
  }

  /** Reads like a URL: {@code imap://127.0.0.1:143 (TLS: STARTTLS)}. */
  @Override
  public String toString() {
    return angusProtocol()
        + "://"
        + (host.contains(":") ? "[" + host + "]" : host)
        + ":"
        + port
        + (tlsMode == TlsMode.NONE || tlsMode == TlsMode.IMPLICIT ? "" : " (" + tlsMode + ")");
  }
}
