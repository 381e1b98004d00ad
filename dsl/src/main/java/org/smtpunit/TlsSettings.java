package org.smtpunit;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.smtpunit.internal.Durations;
import org.smtpunit.internal.PemCertificates;
import org.smtpunit.internal.TlsVersions;
import org.smtpunit.internal.Wire;

/**
 * The client's TLS configuration, made into an {@link SSLSocketFactory} once, and the handshake
 * with the diagnosis of its failures.
 */
final class TlsSettings {

  private final List<KeyStore> trusted;
  private final boolean verify;

  /** Made on first use: setting up an SSLContext costs a cold JVM hundreds of milliseconds. */
  private volatile SSLSocketFactory factory;

  private final Optional<String> hostName;
  private final int minimumRank;

  TlsSettings(
      List<KeyStore> trusted, boolean trustAny, Optional<String> hostName, String minimumProtocol) {
    this.minimumRank = TlsVersions.rank(minimumProtocol);
    this.trusted = List.copyOf(trusted);
    this.verify = !trustAny;
    this.hostName = hostName;
  }

  private SSLSocketFactory factory() {
    SSLSocketFactory result = factory;
    if (result == null) {
      synchronized (this) {
        if (factory == null) {
          try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(trusted, !verify), null);
            factory = context.getSocketFactory();
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not set up TLS: " + e.getMessage(), e);
          }
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

  private static TrustManager[] trustManagers(List<KeyStore> trusted, boolean trustAny)
      throws GeneralSecurityException {
    if (trustAny) {
      return new TrustManager[] {new TrustAnything()};
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (trusted.isEmpty()) {
      tmf.init((KeyStore) null); // the JDK's trust store
      return tmf.getTrustManagers();
    }
    KeyStore merged = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      merged.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    int i = 0;
    for (KeyStore store : trusted) {
      for (String alias : Collections.list(store.aliases())) {
        Certificate certificate = store.getCertificate(alias);
        if (certificate != null) {
          merged.setCertificateEntry("trusted-" + i++, certificate);
        }
      }
    }
    tmf.init(merged);
    return tmf.getTrustManagers();
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
    if (isAddressLiteral(name)) {
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

  private static boolean isAddressLiteral(String name) {
    return name.matches("[0-9.]+|.*:.*");
  }

  /**
   * Layers TLS over the connected socket and completes the handshake by the deadline, however the
   * server drips its bytes: an alarm aborts the TCP socket when it passes.
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
    String verifyAs = prepare(target);
    long remaining = deadline - System.nanoTime();
    Alarm alarm = Alarm.arm(remaining, () -> closeQuietly(plain), null);
    try {
      if (remaining <= 0) {
        throw new SocketTimeoutException("deadline passed before the handshake");
      }
      SSLSocket socket = (SSLSocket) factory().createSocket(plain, verifyAs, plain.getPort(), true);
      configure(socket, verifyAs);
      socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / 1_000_000)));
      socket.startHandshake();
      if (verify) {
        checkValidity(socket);
      }
      alarm.cancel();
      if (alarm.fired()) {
        throw new SocketTimeoutException("deadline passed during the handshake");
      }
      log.note("TLS established: " + info(socket.getSession()));
      return socket;
    } catch (IOException | RuntimeException e) {
      alarm.cancel();
      closeQuietly(plain);
      String why =
          alarm.fired() || e instanceof SocketTimeoutException
              ? "no complete handshake within the reply timeout of " + Durations.format(timeout)
              : diagnose(e, verifyAs);
      log.note("TLS handshake failed: " + why);
      throw new SmtpTlsException(
          "TLS handshake with " + target + " failed at " + stage + ": " + why,
          stage,
          log.snapshot(),
          e);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Best effort: the socket is released either way.
    }
  }

  /**
   * Applies host name verification, SNI and the minimum protocol to a socket before its handshake.
   */
  private void configure(SSLSocket socket, String verifyAs) {
    SSLParameters parameters = socket.getSSLParameters();
    if (verify) {
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
    }
    if (!isAddressLiteral(verifyAs)) {
      parameters.setServerNames(List.of(new SNIHostName(verifyAs)));
    }
    parameters.setProtocols(
        Arrays.stream(socket.getSupportedProtocols())
            .filter(p -> TlsVersions.OLDEST_FIRST.indexOf(p) >= minimumRank)
            .toArray(String[]::new));
    socket.setSSLParameters(parameters);
  }

  /**
   * Returns a factory whose sockets carry these settings (trust, host name verification against
   * {@code target} or the configured TLS host name, minimum protocol), for protocols other than
   * SMTP spoken by a library that makes its own sockets.
   */
  SSLSocketFactory socketFactory(String target) {
    String verifyAs = prepare(target);
    return new ConfiguringSocketFactory(factory(), socket -> configure(socket, verifyAs));
  }

  /**
   * PKIX does not check the validity dates of a trust anchor, so a self-signed certificate the test
   * trusts explicitly would pass expired; check the server's own certificate here.
   */
  private static void checkValidity(SSLSocket socket) throws IOException {
    Certificate[] chain = socket.getSession().getPeerCertificates();
    if (chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
      try {
        leaf.checkValidity();
      } catch (CertificateExpiredException | CertificateNotYetValidException e) {
        socket.close();
        throw new SSLException("certificate validity check failed", e);
      }
    }
  }

  TlsInfo info(SSLSession session) {
    List<X509Certificate> chain = new ArrayList<>();
    try {
      for (Certificate certificate : session.getPeerCertificates()) {
        if (certificate instanceof X509Certificate x509) {
          chain.add(x509);
        }
      }
    } catch (SSLPeerUnverifiedException e) {
      // No certificate (anonymous suites): an empty chain says so.
    }
    return new TlsInfo(
        session.getProtocol(),
        session.getCipherSuite(),
        chain,
        verify ? Optional.of(hostNameFor(session)) : Optional.empty());
  }

  private String hostNameFor(SSLSession session) {
    return hostName.orElse(session.getPeerHost());
  }

  private static String diagnose(Exception e, String host) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException expired) {
        return "the server's certificate has expired [" + expired.getMessage() + "]";
      }
      if (t instanceof CertificateNotYetValidException notYet) {
        return "the server's certificate is not valid yet [" + notYet.getMessage() + "]";
      }
      String message = String.valueOf(t.getMessage());
      if (message.contains("No subject alternative DNS name matching")
          || message.contains("No name matching")
          || message.contains("No subject alternative names")) {
        return "the server's certificate does not match host name "
            + host
            + "; name the one it holds with tlsHostName(name), smtpunit.tls.host-name or the"
            + " runner's --tls-host-name ["
            + message
            + "]";
      }
      if (message.contains("unable to find valid certification path")
          || message.contains("PKIX path building failed")) {
        return "the server's certificate is not trusted (self-signed or unknown issuer); trust it"
            + " with trustCertificate(pem) or trust(KeyStore), the configuration keys"
            + " smtpunit.tls.certificate or smtpunit.tls.trust-store (@SmtpTarget(trustCertificate)),"
            + " or the runner's --trust-cert FILE or --trust-store FILE (--insecure trusts any) ["
            + message
            + "]";
      }
      if (message.contains("validity check failed") || message.contains("timestamp check failed")) {
        return "the server's certificate has expired or is not valid yet [" + message + "]";
      }
      if (message.contains("protocol_version") || message.contains("No appropriate protocol")) {
        return "no TLS protocol version in common (client minimum and server offer differ) ["
            + message
            + "]";
      }
    }
    if (e instanceof SocketTimeoutException) {
      return "no handshake within the reply timeout";
    }
    if (e instanceof SSLException) {
      return e.getMessage();
    }
    return "the connection failed during the handshake [" + e + "]";
  }

  /** Accepts every certificate: for lab servers with self-signed certificates only. */
  private static final class TrustAnything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
