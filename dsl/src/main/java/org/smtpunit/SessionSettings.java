package org.smtpunit;

import java.time.Duration;
import java.util.Objects;

/**
 * What a session and its opener need from the {@code SmtpClient} that made them, as one immutable
 * value, so that neither depends on the client. It is also the state of {@code SmtpClient.Builder}:
 * the defaults, and one copy with one setting changed per builder option.
 *
 * @param connectTimeout the time allowed to open the TCP connection
 * @param replyTimeout the time allowed for each complete reply
 * @param tlsMode how the session uses TLS
 * @param clientDomain the domain named in the client's own EHLO before STARTTLS
 * @param allowPlaintextAuth whether AUTH may be sent without encryption
 * @param tls the trust and protocol settings of the handshake
 */
record SessionSettings(
    Duration connectTimeout,
    Duration replyTimeout,
    TlsMode tlsMode,
    String clientDomain,
    boolean allowPlaintextAuth,
    TlsSettings tls) {

  /** A client built without options: connect 20 s, reply 60 s, no TLS, EHLO as localhost. */
  static final SessionSettings DEFAULTS =
      new SessionSettings(
          Duration.ofSeconds(20),
          Duration.ofSeconds(60),
          TlsMode.NONE,
          "localhost",
          false,
          TlsSettings.DEFAULTS);

  SessionSettings withConnectTimeout(Duration value) {
    return new SessionSettings(value, replyTimeout, tlsMode, clientDomain, allowPlaintextAuth, tls);
  }

  SessionSettings withReplyTimeout(Duration value) {
    return new SessionSettings(
        connectTimeout, value, tlsMode, clientDomain, allowPlaintextAuth, tls);
  }

  SessionSettings withTlsMode(TlsMode value) {
    return new SessionSettings(
        connectTimeout, replyTimeout, value, clientDomain, allowPlaintextAuth, tls);
  }

  SessionSettings withClientDomain(String value) {
    return new SessionSettings(
        connectTimeout, replyTimeout, tlsMode, value, allowPlaintextAuth, tls);
  }

  SessionSettings withAllowPlaintextAuth(boolean value) {
    return new SessionSettings(connectTimeout, replyTimeout, tlsMode, clientDomain, value, tls);
  }

  SessionSettings withTls(TlsSettings value) {
    return new SessionSettings(
        connectTimeout, replyTimeout, tlsMode, clientDomain, allowPlaintextAuth, value);
  }

  /**
   * Refuses a timeout that is not positive, or longer than a socket timeout can be ({@link
   * Integer#MAX_VALUE} ms).
   *
   * @throws IllegalArgumentException naming the setting and the value
   */
  static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          name + " must be positive and at most " + Integer.MAX_VALUE + " ms, was [" + value + "]");
    }
    return value;
  }
}
