package org.smtpunit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

/**
 * Reads the X.509 certificates of a PEM (or DER) stream into an in-memory trust store: the one
 * reader behind {@code SmtpClient.Builder.trustCertificate} and the extension's {@code
 * smtpunit.tls.certificate}.
 *
 * <pre>{@code
 * KeyStore trusted = PemCertificates.read(in);   // empty when the stream holds no certificate
 * }</pre>
 */
public final class PemCertificates {

  private PemCertificates() {}

  /**
   * Returns a key store holding every certificate of the stream ({@code pem-0}, {@code pem-1}...);
   * callers say what an empty one means.
   *
   * @throws IOException when the stream cannot be read
   * @throws GeneralSecurityException when the stream holds something that is not a certificate
   */
  public static KeyStore read(InputStream in) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int i = 0;
    for (Certificate certificate :
        CertificateFactory.getInstance("X.509").generateCertificates(in)) {
      store.setCertificateEntry("pem-" + i++, certificate);
    }
    return store;
  }
}
