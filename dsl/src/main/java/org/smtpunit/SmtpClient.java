package org.smtpunit;

import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import org.smtpunit.dns.MxRecord;
import org.smtpunit.dns.MxRecords;
import org.smtpunit.internal.TlsVersions;
import org.smtpunit.internal.Wire;

/**
 * An immutable, thread-safe factory of {@link SmtpSession}s: telnet's {@code open host 25} with
 * timeouts. Configure once, open as many sessions as the test needs.
 *
 * <pre>{@code
 * SmtpClient client = SmtpClient.builder()
 *     .connectTimeout(Duration.ofSeconds(20))
 *     .replyTimeout(Duration.ofSeconds(60))
 *     .build();
 * try (SmtpSession smtp = client.open("mail1.fabrikam.com", 25)) {
 *   assertThat(smtp.greeting()).hasCode(220);
 * }
 * }</pre>
 */
public final class SmtpClient {

  private static final SmtpClient DEFAULTS = builder().build();

  private final SessionSettings settings;
  private final SessionOpener opener;
  private final Builder builder;

  private SmtpClient(Builder builder) {
    // A TLS context of its own, made on first use: builders share settings, clients do not.
    this.settings = builder.settings.withTls(builder.settings.tls().copy());
    this.opener = new SessionOpener(settings, builder.onOpen);
    this.builder = builder.copy();
  }

  /** Returns a client with the default timeouts: connect 20 s, reply 60 s. */
  public static SmtpClient defaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this client's settings, to derive a variant. */
  public Builder toBuilder() {
    return builder.copy();
  }

  /** Returns how sessions use TLS. */
  public TlsMode tlsMode() {
    return settings.tlsMode();
  }

  /** Returns the domain the client names in its own EHLO (for {@link TlsMode#STARTTLS}). */
  public String clientDomain() {
    return settings.clientDomain();
  }

  /**
   * Returns a socket factory that applies this client's TLS settings (trusted certificates, host
   * name verification against {@code host} or the {@code tlsHostName}, minimum protocol) to every
   * socket it makes, for other protocols spoken to the same servers: {@code
   * org.smtpunit.mailbox.Mailbox} uses it for IMAP and POP3.
   *
   * @throws IllegalStateException when the TLS context cannot be set up
   */
  public SSLSocketFactory tlsSocketFactory(String host) {
    return settings.tls().socketFactory(Objects.requireNonNull(host, "host"));
  }

  /** Returns the time allowed to open the TCP connection. */
  public Duration connectTimeout() {
    return settings.connectTimeout();
  }

  /** Returns the time allowed for each complete reply. */
  public Duration replyTimeout() {
    return settings.replyTimeout();
  }

  /**
   * Connects, reads the greeting and returns the session, ready for EHLO. A greeting that is not
   * 220 (such as {@code 554}) is returned in {@link SmtpSession#greeting()} for the test to assert.
   *
   * @throws SmtpConnectException when the connection cannot be opened
   * @throws SmtpTimeoutException when no complete greeting arrives in time
   * @throws SmtpConnectionClosedException when the server closes before greeting
   * @throws SmtpProtocolException when the greeting is not an SMTP reply
   * @throws IllegalArgumentException for a bad host or port
   */
  public SmtpSession open(String host, int port) {
    return opener.open(host, port);
  }

  /**
   * Connects to a domain the way an MTA does (RFC 5321 §5.1): the exchangers in preference order,
   * each of their addresses in turn, on port 25; returns the first session that greets.
   *
   * @throws SmtpConnectException listing every attempt when none greets, or at once for a null MX
   * @throws IllegalArgumentException before any connection, when the client uses TLS and an
   *     exchanger's name (or the {@code tlsHostName}) is not one TLS can send as SNI
   */
  public SmtpSession open(MxRecords mx) {
    return open(mx, 25);
  }

  /**
   * Connects to a domain's exchangers in preference order on the given port; returns the first
   * session that greets. {@link SmtpSession#remoteHost()} names the exchanger that answered.
   *
   * @throws SmtpConnectException listing every attempt when none greets, or at once for a null MX
   * @throws IllegalArgumentException for a bad port, or before any connection, when the client uses
   *     TLS and an exchanger's name (or the {@code tlsHostName}) is not one TLS can send as SNI
   */
  public SmtpSession open(MxRecords mx, int port) {
    return MxConnector.open(opener, mx, port);
  }

  /**
   * Connects to one mail exchanger, each of its addresses in turn (as resolved by the DNS server
   * that produced the record, not the machine's resolver); for one test per MX host with
   * {@code @MxSource}. {@link SmtpSession#remoteHost()} is the exchanger's name.
   *
   * @throws SmtpConnectException listing every attempt when no address greets, or at once for the
   *     null MX {@code .}
   * @throws IllegalArgumentException for a bad port, or before any connection, when the client uses
   *     TLS and the exchanger's name (or the {@code tlsHostName}) is not one TLS can send as SNI
   */
  public SmtpSession open(MxRecord exchanger, int port) {
    return MxConnector.open(opener, exchanger, port);
  }

  /**
   * Opens a connection, reads the greeting and closes politely with QUIT; never throws for a
   * failure to open (the connection, the greeting, or TLS under the client's {@link TlsMode}): the
   * probe's {@link ConnectionProbe#failure()} names it.
   *
   * @throws IllegalArgumentException for a bad host or port
   */
  public ConnectionProbe probe(String host, int port) {
    return opener.probe(host, port);
  }

  @Override
  public String toString() {
    return "SmtpClient[connectTimeout="
        + settings.connectTimeout()
        + ", replyTimeout="
        + settings.replyTimeout()
        + "]";
  }

  /** Configures an {@link SmtpClient}; not thread-safe, build once. */
  public static final class Builder {
    private SessionSettings settings = SessionSettings.DEFAULTS;
    // No listener by default rather than a no-op lambda: that lambda would be the first one of a
    // cold JVM's application code, spun up during the first open and counted in its cold start.
    private Consumer<? super SmtpSession> onOpen;

    private Builder() {}

    private Builder copy() {
      Builder copy = new Builder();
      copy.settings = settings;
      copy.onOpen = onOpen;
      return copy;
    }

    /** Sets how sessions use TLS (default {@link TlsMode#NONE}). */
    public Builder tls(TlsMode mode) {
      settings = settings.withTlsMode(Objects.requireNonNull(mode, "mode"));
      return this;
    }

    /**
     * Sets the domain the client names in the EHLO it sends itself before STARTTLS under {@link
     * TlsMode#STARTTLS} (default {@code localhost}).
     *
     * @throws IllegalArgumentException when it holds CR, LF, NUL or non-ASCII characters
     */
    public Builder clientDomain(String domain) {
      settings =
          settings.withClientDomain(
              Wire.requireAscii("Client domain", domain, "use the A-label form"));
      return this;
    }

    /**
     * Trusts the certificates in a PEM file besides nothing else (replaces the JDK's trust store
     * for this client, like {@link #trust(KeyStore)}).
     *
     * @throws IllegalArgumentException when the file holds no readable certificate
     */
    public Builder trustCertificate(Path pemFile) {
      settings = settings.withTls(settings.tls().trusting(TlsSettings.loadPem(pemFile)));
      return this;
    }

    /** Trusts the certificates of a key store instead of the JDK's trust store. */
    public Builder trust(KeyStore trustStore) {
      settings =
          settings.withTls(
              settings.tls().trusting(Objects.requireNonNull(trustStore, "trustStore")));
      return this;
    }

    /**
     * Accepts any certificate for any name: for lab servers with self-signed certificates only. The
     * session's {@link TlsInfo#verifiedHostName()} is then empty.
     */
    public Builder trustAnyCertificateInsecurely() {
      settings = settings.withTls(settings.tls().trustingAny());
      return this;
    }

    /**
     * Verifies the certificate against this name instead of the host connected to (e.g. the MX name
     * when connecting by IP address).
     *
     * @throws IllegalArgumentException when it holds CR, LF or NUL, or is not a name TLS can send
     *     as SNI (RFC 6066 §3), such as {@code mail_1.example} or {@code localhost.}
     */
    public Builder tlsHostName(String hostName) {
      TlsSettings.checkSniName(Wire.requireSafe("TLS host name", hostName), "TLS host name");
      settings = settings.withTls(settings.tls().verifyingAs(hostName));
      return this;
    }

    /**
     * Sets the oldest protocol version accepted (default {@code TLSv1.2}): one of {@code SSLv3},
     * {@code TLSv1}, {@code TLSv1.1}, {@code TLSv1.2}, {@code TLSv1.3}.
     *
     * @throws IllegalArgumentException for an unknown protocol name, such as {@code TLSv9}
     */
    public Builder minimumTlsProtocol(String protocol) {
      TlsVersions.rank(Objects.requireNonNull(protocol, "protocol"));
      settings = settings.withTls(settings.tls().withMinimumProtocol(protocol));
      return this;
    }

    /**
     * Allows AUTH over a connection that is not encrypted (default {@code false}: the walkthrough
     * warns that Basic authentication without encryption exposes the credentials).
     */
    public Builder allowPlaintextAuth(boolean allow) {
      settings = settings.withAllowPlaintextAuth(allow);
      return this;
    }

    /**
     * Sets the time allowed to open the TCP connection (default 20 s, the walkthrough's {@code set
     * timeout=20}).
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder connectTimeout(Duration timeout) {
      settings = settings.withConnectTimeout(SessionSettings.positive("connectTimeout", timeout));
      return this;
    }

    /**
     * Sets the deadline for each complete reply, counted from the command (default 60 s).
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder replyTimeout(Duration timeout) {
      settings = settings.withReplyTimeout(SessionSettings.positive("replyTimeout", timeout));
      return this;
    }

    /**
     * Calls the listener with every session this client opens, once it is ready (greeting read,
     * STARTTLS done); the JUnit extension records each test's sessions this way. Replaces any
     * listener set before.
     */
    public Builder onOpen(Consumer<? super SmtpSession> listener) {
      this.onOpen = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Builds the client. */
    public SmtpClient build() {
      return new SmtpClient(this);
    }
  }
}
