package org.smtpunit;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import org.smtpunit.dns.MxRecord;
import org.smtpunit.dns.MxRecords;

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

  private final Duration connectTimeout;
  private final Duration replyTimeout;
  private final TlsMode tlsMode;
  private final String clientDomain;
  private final boolean allowPlaintextAuth;
  private final TlsSettings tls;
  private final Builder settings;
  private final Consumer<? super SmtpSession> onOpen;

  private SmtpClient(Builder builder) {
    this.onOpen = builder.onOpen;
    this.connectTimeout = builder.connectTimeout;
    this.replyTimeout = builder.replyTimeout;
    this.tlsMode = builder.tlsMode;
    this.clientDomain = builder.clientDomain;
    this.allowPlaintextAuth = builder.allowPlaintextAuth;
    this.tls =
        new TlsSettings(
            List.copyOf(builder.trusted),
            builder.trustAny,
            Optional.ofNullable(builder.tlsHostName),
            builder.minimumTlsProtocol);
    this.settings = builder.copy();
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
    return settings.copy();
  }

  /** Returns how sessions use TLS. */
  public TlsMode tlsMode() {
    return tlsMode;
  }

  /** Returns the domain the client names in its own EHLO (for {@link TlsMode#STARTTLS}). */
  public String clientDomain() {
    return clientDomain;
  }

  boolean allowsPlaintextAuth() {
    return allowPlaintextAuth;
  }

  TlsSettings tlsSettings() {
    return tls;
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
    return tls.socketFactory(Objects.requireNonNull(host, "host"));
  }

  /** Returns the time allowed to open the TCP connection. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Returns the time allowed for each complete reply. */
  public Duration replyTimeout() {
    return replyTimeout;
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
    Wire.requireSafe("Host", host);
    if (host.isBlank()) {
      throw new IllegalArgumentException("Host must not be blank");
    }
    checkPort(port);
    TranscriptLog log = new TranscriptLog();
    return greet(host, port, Connector.connect(host, port, connectTimeout, log), log);
  }

  /**
   * Connects to a domain the way an MTA does (RFC 5321 §5.1): the exchangers in preference order,
   * each of their addresses in turn, on port 25; returns the first session that greets.
   *
   * @throws SmtpConnectException listing every attempt when none greets, or at once for a null MX
   */
  public SmtpSession open(MxRecords mx) {
    return open(mx, 25);
  }

  /**
   * Connects to a domain's exchangers in preference order on the given port; returns the first
   * session that greets. {@link SmtpSession#remoteHost()} names the exchanger that answered.
   *
   * @throws SmtpConnectException listing every attempt when none greets, or at once for a null MX
   * @throws IllegalArgumentException for a bad port
   */
  public SmtpSession open(MxRecords mx, int port) {
    Objects.requireNonNull(mx, "mx");
    checkPort(port);
    return MxConnector.open(this, mx, port);
  }

  /**
   * Connects to one mail exchanger, each of its addresses in turn (as resolved by the DNS server
   * that produced the record, not the machine's resolver); for one test per MX host with
   * {@code @MxSource}. {@link SmtpSession#remoteHost()} is the exchanger's name.
   *
   * @throws SmtpConnectException listing every attempt when no address greets, or at once for the
   *     null MX {@code .}
   * @throws IllegalArgumentException for a bad port
   */
  public SmtpSession open(MxRecord exchanger, int port) {
    Objects.requireNonNull(exchanger, "exchanger");
    checkPort(port);
    return MxConnector.open(
        this, new MxRecords(exchanger.exchange(), List.of(exchanger), false), port);
  }

  SmtpSession greet(String host, int port, Socket socket, TranscriptLog log) {
    Socket tcp = socket;
    if (tlsMode == TlsMode.IMPLICIT) {
      try {
        socket =
            tls.handshake(
                socket, host, (int) replyTimeout.toMillis(), SmtpStage.TLS_HANDSHAKE, log);
      } catch (SmtpTlsException e) {
        Connector.closeQuietly(socket);
        throw e;
      }
    }
    // The greeting's time counts from the TCP connection (from the handshake's end under TLS).
    long connected = tlsMode == TlsMode.IMPLICIT ? System.nanoTime() : log.connectedNanos();
    Connection connection;
    try {
      connection = new Connection(socket, tcp, log);
    } catch (IOException e) {
      Connector.closeQuietly(socket);
      throw Connector.failure(host, port, e, log);
    }
    SmtpSession session = new SmtpSession(this, host, connection, log);
    session.readGreeting(connected);
    if (tlsMode == TlsMode.STARTTLS || tlsMode == TlsMode.STARTTLS_IF_OFFERED) {
      try {
        session.upgradeOnOpen(tlsMode == TlsMode.STARTTLS);
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
    }
    onOpen.accept(session);
    return session;
  }

  private static void checkPort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("Port must be 1 to 65535, was [" + port + "]");
    }
  }

  /**
   * Opens a connection, reads the greeting and closes politely with QUIT; never throws for a
   * connection failure.
   *
   * @throws IllegalArgumentException for a bad host or port
   */
  public ConnectionProbe probe(String host, int port) {
    long start = System.nanoTime();
    SmtpSession session;
    try {
      session = open(host, port);
    } catch (SmtpConnectException e) {
      return failed(host, port, e.failure(), start, e.transcript());
    } catch (SmtpTimeoutException e) {
      return failed(host, port, ConnectFailure.NO_GREETING, start, e.transcript());
    } catch (SmtpConnectionClosedException e) {
      return failed(host, port, ConnectFailure.CLOSED_BEFORE_GREETING, start, e.transcript());
    } catch (SmtpProtocolException e) {
      return failed(host, port, ConnectFailure.MALFORMED_GREETING, start, e.transcript());
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    try (session) {
      if (session.isOpen()) {
        session.quit();
      }
    } catch (SmtpException e) {
      // The probe has its answer; a server that hangs up on QUIT does not change it.
    }
    return new ConnectionProbe(
        host,
        port,
        Optional.of(session.greeting()),
        Optional.empty(),
        elapsed,
        session.transcript());
  }

  private static ConnectionProbe failed(
      String host, int port, ConnectFailure failure, long start, Transcript transcript) {
    return new ConnectionProbe(
        host,
        port,
        Optional.empty(),
        Optional.of(failure),
        Duration.ofNanos(System.nanoTime() - start),
        transcript);
  }

  @Override
  public String toString() {
    return "SmtpClient[connectTimeout=" + connectTimeout + ", replyTimeout=" + replyTimeout + "]";
  }

  /** Configures an {@link SmtpClient}; not thread-safe, build once. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(20);
    private Duration replyTimeout = Duration.ofSeconds(60);
    private TlsMode tlsMode = TlsMode.NONE;
    private String clientDomain = "localhost";
    private boolean allowPlaintextAuth;
    private final List<KeyStore> trusted = new ArrayList<>();
    private boolean trustAny;
    private String tlsHostName;
    private String minimumTlsProtocol = "TLSv1.2";
    private Consumer<? super SmtpSession> onOpen = session -> {};

    private Builder() {}

    private Builder copy() {
      Builder copy = new Builder();
      copy.connectTimeout = connectTimeout;
      copy.replyTimeout = replyTimeout;
      copy.tlsMode = tlsMode;
      copy.clientDomain = clientDomain;
      copy.allowPlaintextAuth = allowPlaintextAuth;
      copy.trusted.addAll(trusted);
      copy.trustAny = trustAny;
      copy.tlsHostName = tlsHostName;
      copy.minimumTlsProtocol = minimumTlsProtocol;
      copy.onOpen = onOpen;
      return copy;
    }

    /** Sets how sessions use TLS (default {@link TlsMode#NONE}). */
    public Builder tls(TlsMode mode) {
      this.tlsMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets the domain the client names in the EHLO it sends itself before STARTTLS under {@link
     * TlsMode#STARTTLS} (default {@code localhost}).
     *
     * @throws IllegalArgumentException when it holds CR, LF, NUL or non-ASCII characters
     */
    public Builder clientDomain(String domain) {
      this.clientDomain = Wire.requireAscii("Client domain", domain, "use the A-label form");
      return this;
    }

    /**
     * Trusts the certificates in a PEM file besides nothing else (replaces the JDK's trust store
     * for this client, like {@link #trust(KeyStore)}).
     *
     * @throws IllegalArgumentException when the file holds no readable certificate
     */
    public Builder trustCertificate(Path pemFile) {
      trusted.add(TlsSettings.loadPem(pemFile));
      return this;
    }

    /** Trusts the certificates of a key store instead of the JDK's trust store. */
    public Builder trust(KeyStore trustStore) {
      trusted.add(Objects.requireNonNull(trustStore, "trustStore"));
      return this;
    }

    /**
     * Accepts any certificate for any name: for lab servers with self-signed certificates only. The
     * session's {@link TlsInfo#verifiedHostName()} is then empty.
     */
    public Builder trustAnyCertificateInsecurely() {
      this.trustAny = true;
      return this;
    }

    /**
     * Verifies the certificate against this name instead of the host connected to (e.g. the MX name
     * when connecting by IP address).
     *
     * @throws IllegalArgumentException when it holds CR, LF or NUL
     */
    public Builder tlsHostName(String hostName) {
      this.tlsHostName = Wire.requireSafe("TLS host name", hostName);
      return this;
    }

    /**
     * Sets the oldest protocol version accepted (default {@code TLSv1.2}).
     *
     * @throws IllegalArgumentException for an unknown protocol name
     */
    public Builder minimumTlsProtocol(String protocol) {
      this.minimumTlsProtocol = Objects.requireNonNull(protocol, "protocol");
      return this;
    }

    /**
     * Allows AUTH over a connection that is not encrypted (default {@code false}: the walkthrough
     * warns that Basic authentication without encryption exposes the credentials).
     */
    public Builder allowPlaintextAuth(boolean allow) {
      this.allowPlaintextAuth = allow;
      return this;
    }

    /**
     * Sets the time allowed to open the TCP connection (default 20 s, the walkthrough's {@code set
     * timeout=20}).
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets the deadline for each complete reply, counted from the command (default 60 s).
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder replyTimeout(Duration timeout) {
      this.replyTimeout = positive("replyTimeout", timeout);
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

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            name
                + " must be positive and at most "
                + Integer.MAX_VALUE
                + " ms, was ["
                + value
                + "]");
      }
      return value;
    }
  }
}
