package org.smtpunit;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.smtpunit.internal.HostPort;
import org.smtpunit.internal.PemCertificates;
import org.smtpunit.internal.Wire;

/**
 * The client's TLS configuration, made into an {@link SSLSocketFactory} once. The work on sockets
 * is in {@link TlsHandshake}, which a session without TLS never loads: verifying this class, which
 * every client builds, then loads none of the JDK's TLS and certificate exception types.
 */
final class TlsSettings {

  /** The JDK's trust store, names verified, TLS 1.2 at least. */
  static final TlsSettings DEFAULTS =
      new TlsSettings(List.of(), false, Optional.empty(), "TLSv1.2");

  private final List<KeyStore> trusted;
  private final boolean verify;

  /** Made on first use: setting up an SSLContext costs a cold JVM hundreds of milliseconds. */
  private volatile SSLSocketFactory factory;

  private final Optional<String> hostName;

  /** Validated by the builder; ranked only when a handshake needs it. */
  private final String minimumProtocol;

  TlsSettings(
      List<KeyStore> trusted, boolean trustAny, Optional<String> hostName, String minimumProtocol) {
    this.minimumProtocol = minimumProtocol;
    this.trusted = List.copyOf(trusted);
    this.verify = !trustAny;
    this.hostName = hostName;
  }

  /** These settings, trusting {@code store} as well. */
  TlsSettings trusting(KeyStore store) {
    List<KeyStore> more = new ArrayList<>(trusted);
    more.add(store);
    return new TlsSettings(more, !verify, hostName, minimumProtocol);
  }

  /** These settings, accepting any certificate for any name. */
  TlsSettings trustingAny() {
    return new TlsSettings(trusted, true, hostName, minimumProtocol);
  }

  /** These settings, verifying the certificate against {@code name}, not the host connected to. */
  TlsSettings verifyingAs(String name) {
    return new TlsSettings(trusted, !verify, Optional.of(name), minimumProtocol);
  }

  /** These settings with another oldest protocol version accepted. */
  TlsSettings withMinimumProtocol(String protocol) {
    return new TlsSettings(trusted, !verify, hostName, protocol);
  }

  /** The same settings with a TLS context of their own, made on first use. */
  TlsSettings copy() {
    return new TlsSettings(trusted, !verify, hostName, minimumProtocol);
  }

  /** Whether the server's certificate and name are verified (not {@code trustAny}). */
  boolean verify() {
    return verify;
  }

  String minimumProtocol() {
    return minimumProtocol;
  }

  SSLSocketFactory factory() {
    SSLSocketFactory result = factory;
    if (result == null) {
      synchronized (this) {
        if (factory == null) {
          factory = TlsHandshake.newFactory(trusted, !verify);
        }
        result = factory;
      }
    }
    return result;
  }

  static KeyStore loadPem(Path pemFile) {
    try (InputStream in = Files.newInputStream(pemFile)) {
      KeyStore store = PemCertificates.read(in);
      if (store.size() == 0) {
        throw new IllegalArgumentException("No certificate in " + pemFile);
      }
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "Cannot read certificates from " + pemFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks, before anything is sent, the name TLS will use for SNI and for verifying the
   * certificate, and sets up the TLS context (costly the first time, so not inside a deadline).
   *
   * @return the name to verify the certificate against
   * @throws IllegalArgumentException when the name breaks the JDK's SNI rules (RFC 6066 §3: a DNS
   *     host name in LDH form without a trailing dot), such as {@code mail_1.example}
   */
  String prepare(String target) {
    String verifyAs = hostName.orElse(target);
    checkSniName(verifyAs, hostName.isPresent() ? "TLS host name" : "Host name for TLS");
    factory();
    return verifyAs;
  }

  /**
   * Refuses a name the JDK's SNI check would reject inside the handshake (after STARTTLS went out).
   *
   * @throws IllegalArgumentException naming the value and the rule
   */
  static void checkSniName(String name, String what) {
    if (HostPort.isAddressLiteral(name)) {
      return;
    }
    try {
      new SNIHostName(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          what
              + " ["
              + Wire.printable(name)
              + "] is not a host name TLS can send (RFC 6066 §3 server_name: letters, digits and"
              + " hyphens, no trailing dot) ["
              + e.getMessage()
              + "]; connect by a valid name, or set SmtpClient.Builder.tlsHostName(...) to the"
              + " name on the certificate; nothing was sent",
          e);
    }
  }

  /**
   * Layers TLS over the connected socket and completes the handshake by the deadline (see {@link
   * TlsHandshake#handshake}).
   *
   * @param deadline the {@link System#nanoTime()} by which the handshake must be complete
   * @throws SmtpTlsException naming the check that failed
   */
  SSLSocket handshake(
      Socket plain,
      String target,
      long deadline,
      Duration timeout,
      SmtpStage stage,
      TranscriptLog log) {
    return TlsHandshake.handshake(
        config(), plain, target, prepare(target), deadline, timeout, stage, log);
  }

  /**
   * Returns a factory whose sockets carry these settings (trust, host name verification against
   * {@code target} or the configured TLS host name, minimum protocol), for protocols other than
   * SMTP spoken by a library that makes its own sockets.
   */
  SSLSocketFactory socketFactory(String target) {
    return TlsHandshake.socketFactory(config(), prepare(target));
  }

  /** Describes an established session (see {@link TlsHandshake#info}). */
  TlsInfo info(SSLSession session) {
    return TlsHandshake.info(config(), session);
  }

  private TlsHandshake.Config config() {
    return new TlsHandshake.Config(factory(), verify, minimumProtocol, hostName);
  }
}
