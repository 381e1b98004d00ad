package org.smtpunit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-signed certificates made at test time with the JDK's own {@code keytool}, so no test
 * certificate is kept in the repository and none ever needs renewing.
 *
 * <pre>{@code
 * TestCertificates.Certificate cert = TestCertificates.create(dir, "good", "dns:mail1.fabrikam.com", 0, 30);
 * SSLContext server = cert.serverContext();
 * Path pem = cert.pem();
 * }</pre>
 */
public final class TestCertificates {

  private static final char[] PASSWORD = "changeit".toCharArray();

  private TestCertificates() {}

  /** Returns the password of every key store made here ({@code changeit}, as users often have). */
  public static char[] password() {
    return PASSWORD.clone();
  }

  /** A key pair and its self-signed certificate. */
  public record Certificate(Path keyStore, Path pem) {

    /** Returns a server-side context presenting this certificate. */
    public SSLContext serverContext(String... protocols) {
      try {
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeyStore(), PASSWORD);
        SSLContext context = SSLContext.getInstance(protocols.length == 0 ? "TLS" : protocols[0]);
        context.init(kmf.getKeyManagers(), null, null);
        return context;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Returns the key store holding the key and certificate ({@link #password()} opens it). */
    public KeyStore serverKeyStore() {
      try (InputStream in = Files.newInputStream(keyStore)) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(in, PASSWORD);
        return store;
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Returns a trust store holding only this certificate. */
    public KeyStore trustStore() {
      try {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", serverKeyStore().getCertificate("server"));
        return trust;
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Creates a certificate with CN {@code mail1.fabrikam.com} and the given SANs (keytool syntax,
   * e.g. {@code dns:mail1.fabrikam.com,ip:127.0.0.1}), valid from {@code startDays} (negative for
   * the past) for {@code validityDays}.
   */
  public static Certificate create(
      Path dir, String name, String san, int startDays, int validityDays) {
    Path keyStore = dir.resolve(name + ".p12");
    Path pem = dir.resolve(name + ".pem");
    List<String> generate =
        new ArrayList<>(
            List.of(
                keytool(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=mail1.fabrikam.com, O=SmtpUnit Test",
                "-ext",
                "SAN=" + san,
                "-validity",
                Integer.toString(validityDays),
                "-keystore",
                keyStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-keypass",
                "changeit"));
    if (startDays != 0) {
      generate.addAll(List.of("-startdate", (startDays > 0 ? "+" : "") + startDays + "d"));
    }
    run(generate);
    run(
        List.of(
            keytool(),
            "-exportcert",
            "-rfc",
            "-alias",
            "server",
            "-keystore",
            keyStore.toString(),
            "-storepass",
            "changeit",
            "-file",
            pem.toString()));
    return new Certificate(keyStore, pem);
  }

  private static String keytool() {
    return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
  }

  private static void run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + command + "\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
