package org.smtpunit;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What was negotiated on an encrypted session.
 *
 * <pre>{@code
 * TlsInfo tls = smtp.tls().orElseThrow();
 * assertThat(tls).hasProtocolAtLeast("TLSv1.2").hasCertificateFor("mail1.fabrikam.com");
 * }</pre>
 *
 * @param protocol e.g. {@code TLSv1.3}
 * @param cipherSuite e.g. {@code TLS_AES_256_GCM_SHA384}
 * @param peerCertificates the server's chain, its own certificate first
 * @param verifiedHostName the name the certificate was verified against; empty when verification
 *     was switched off with {@code trustAnyCertificateInsecurely()}
 */
public record TlsInfo(
    String protocol,
    String cipherSuite,
    List<X509Certificate> peerCertificates,
    Optional<String> verifiedHostName) {

  /** Validates the values. */
  public TlsInfo {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(cipherSuite, "cipherSuite");
    peerCertificates = List.copyOf(peerCertificates);
    Objects.requireNonNull(verifiedHostName, "verifiedHostName");
  }

  @Override
  public String toString() {
    return protocol
        + " "
        + cipherSuite
        + (peerCertificates.isEmpty()
            ? ""
            : ", certificate " + peerCertificates.get(0).getSubjectX500Principal().getName())
        + verifiedHostName.map(h -> ", verified for " + h).orElse(", NOT verified");
  }
}
