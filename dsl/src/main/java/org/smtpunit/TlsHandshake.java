package org.smtpunit;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
import org.smtpunit.internal.HostPort;
import org.smtpunit.internal.TlsVersions;

/**
 * The TLS work of a session, kept apart from {@link TlsSettings} so that a session without TLS
 * never loads it: the TLS context, the handshake under a deadline with the checks the JDK leaves
 * out, the diagnosis of its failures, and the {@link TlsInfo} of an established session.
 */
final class TlsHandshake {

  /**
   * What a handshake needs of the client's {@link TlsSettings}: its socket factory, whether to
   * verify the server's name, the oldest protocol to offer, and a configured name to verify.
   */
  record Config(
      SSLSocketFactory factory,
      boolean verify,
      String minimumProtocol,
      Optional<String> hostName) {}

  private TlsHandshake() {}

  /**
   * Sets up the TLS context: the JDK's trust store, the given trust stores merged, or (insecure)
   * trust in any certificate.
   *
   * @throws IllegalStateException when the JDK cannot set up TLS
   */
  static SSLSocketFactory newFactory(List<KeyStore> trusted, boolean trustAny) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers(trusted, trustAny), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not set up TLS: " + e.getMessage(), e);
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
   * Layers TLS over the connected socket and completes the handshake by the deadline, however the
   * server drips its bytes: an alarm aborts the TCP socket when it passes.
   *
   * @param deadline the {@link System#nanoTime()} by which the handshake must be complete
   * @throws SmtpTlsException naming the check that failed
   */
  static SSLSocket handshake(
      Config config,
      Socket plain,
      String target,
      String verifyAs,
      long deadline,
      Duration timeout,
      SmtpStage stage,
      TranscriptLog log) {
    long remaining = deadline - System.nanoTime();
    Alarm alarm = Alarm.arm(remaining, () -> closeQuietly(plain), null);
    try {
      if (remaining <= 0) {
        throw new SocketTimeoutException("deadline passed before the handshake");
      }
      SSLSocket socket =
          (SSLSocket) config.factory().createSocket(plain, verifyAs, plain.getPort(), true);
      configure(config, socket, verifyAs);
      socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / 1_000_000)));
      socket.startHandshake();
      if (config.verify()) {
        checkValidity(socket);
      }
      alarm.cancel();
      if (alarm.fired()) {
        throw new SocketTimeoutException("deadline passed during the handshake");
      }
      log.note("TLS established: " + info(config, socket.getSession()));
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
  private static void configure(Config config, SSLSocket socket, String verifyAs) {
    SSLParameters parameters = socket.getSSLParameters();
    if (config.verify()) {
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
    }
    if (!HostPort.isAddressLiteral(verifyAs)) {
      parameters.setServerNames(List.of(new SNIHostName(verifyAs)));
    }
    int minimumRank = TlsVersions.rank(config.minimumProtocol());
    parameters.setProtocols(
        Arrays.stream(socket.getSupportedProtocols())
            .filter(p -> TlsVersions.OLDEST_FIRST.indexOf(p) >= minimumRank)
            .toArray(String[]::new));
    socket.setSSLParameters(parameters);
  }

  /**
   * Returns a factory whose sockets carry these settings (trust, host name verification against
   * {@code verifyAs}, minimum protocol), for protocols other than SMTP spoken by a library that
   * makes its own sockets.
   */
  static SSLSocketFactory socketFactory(Config config, String verifyAs) {
    return new ConfiguringSocketFactory(
        config.factory(), socket -> configure(config, socket, verifyAs));
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

  /** Describes the session: protocol, cipher suite, the server's chain and the verified name. */
  static TlsInfo info(Config config, SSLSession session) {
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
        config.verify()
            ? Optional.of(config.hostName().orElse(session.getPeerHost()))
            : Optional.empty());
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
