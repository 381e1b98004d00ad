package org.smtpunit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import org.smtpunit.internal.HostPort;
import org.smtpunit.internal.Wire;

/**
 * The one way a session opens: connect, implicit TLS when asked, the greeting, then STARTTLS when
 * asked, then the client's {@code onOpen} listener. Used for a named host, for each address of a
 * domain's exchangers, and for a probe. Immutable: one per client.
 */
final class SessionOpener {

  private final SessionSettings settings;
  private final Consumer<? super SmtpSession> onOpen;

  /**
   * An opener with the client's settings, calling {@code onOpen} (when not {@code null}) with every
   * session it opens.
   */
  SessionOpener(SessionSettings settings, Consumer<? super SmtpSession> onOpen) {
    this.settings = settings;
    this.onOpen = onOpen;
    SessionClassPreload.startOnce();
  }

  /**
   * Resolves the host, connects to its addresses in turn and opens the session.
   *
   * @throws SmtpException as {@code SmtpClient.open(host, port)} documents
   * @throws IllegalArgumentException for a bad host or port
   */
  SmtpSession open(String host, int port) {
    Wire.requireSafe("Host", host);
    if (host.isBlank()) {
      throw new IllegalArgumentException("Host must not be blank");
    }
    HostPort.checkPort("Port", port);
    prepareTls(host);
    TranscriptLog log = new TranscriptLog();
    Socket socket = Connector.connect(host, port, settings.connectTimeout(), log);
    return greet(host, port, socket, log);
  }

  /**
   * When the client uses TLS, checks before any connection that TLS can send the name it will use
   * for {@code host} (SNI, RFC 6066 §3), and sets up the TLS context.
   *
   * @throws IllegalArgumentException when the JDK's SNI rules refuse the name
   */
  void prepareTls(String host) {
    if (settings.tlsMode() != TlsMode.NONE) {
      settings.tls().prepare(host);
    }
  }

  /**
   * Connects to one address of a host and opens the session, recording into {@code log}.
   *
   * @throws SmtpException when the connection, the greeting or the TLS set-up fails
   */
  SmtpSession open(String host, InetAddress address, int port, TranscriptLog log) {
    Socket socket =
        Connector.connect(host, new InetAddress[] {address}, port, settings.connectTimeout(), log);
    return greet(host, port, socket, log);
  }

  /**
   * Opens a session, reads the greeting and closes politely with QUIT; every failure to open
   * becomes the probe's {@link ConnectFailure}.
   *
   * @throws IllegalArgumentException for a bad host or port
   */
  ConnectionProbe probe(String host, int port) {
    long start = System.nanoTime();
    SmtpSession session;
    try {
      session = open(host, port);
    } catch (SmtpException e) {
      return new ConnectionProbe(
          host,
          port,
          Optional.empty(),
          Optional.of(Connector.classify(e)),
          Duration.ofNanos(System.nanoTime() - start),
          e.transcript());
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

  private SmtpSession greet(String host, int port, Socket tcp, TranscriptLog log) {
    Socket socket = tcp;
    Optional<TlsInfo> tls = Optional.empty();
    // Under implicit TLS one reply timeout covers the handshake and the greeting. The greeting's
    // elapsed time counts from the TCP connection.
    long connected = log.connectedNanos();
    if (settings.tlsMode() == TlsMode.IMPLICIT) {
      SSLSocket ssl;
      try {
        ssl =
            settings
                .tls()
                .handshake(
                    tcp,
                    host,
                    connected + settings.replyTimeout().toNanos(),
                    settings.replyTimeout(),
                    SmtpStage.TLS_HANDSHAKE,
                    log);
      } catch (RuntimeException e) {
        Connector.closeQuietly(tcp);
        throw e;
      }
      socket = ssl;
      tls = Optional.of(settings.tls().info(ssl.getSession()));
    }
    Connection connection;
    try {
      connection = new Connection(socket, tcp, log);
    } catch (IOException e) {
      Connector.closeQuietly(socket);
      throw Connector.failure(host, port, e, log);
    }
    Conversation conversation =
        new Conversation(host, connection, log, settings.replyTimeout(), tls);
    SmtpReply greeting;
    try {
      greeting = conversation.greeting(connected);
    } catch (RuntimeException e) {
      conversation.close();
      throw e;
    }
    SmtpSession session = new SmtpSession(settings, conversation, greeting);
    if (settings.tlsMode() == TlsMode.STARTTLS
        || settings.tlsMode() == TlsMode.STARTTLS_IF_OFFERED) {
      try {
        StartTls.duringOpen(session::ehlo, session::startTls, conversation, settings);
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
    }
    if (onOpen != null) {
      onOpen.accept(session);
    }
    return session;
  }
}
