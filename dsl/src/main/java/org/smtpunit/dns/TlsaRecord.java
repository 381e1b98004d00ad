package org.smtpunit.dns;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One TLSA record (DANE, RFC 6698 §2.1): which certificate of the server's chain it pins, which
 * part of it, and how.
 *
 * <pre>{@code
 * List<TlsaRecord> records = dns.tlsa(25, "mail1.fabrikam.com");
 * assertThat(smtp.tls().orElseThrow()).matchesTlsa(records);
 * }</pre>
 *
 * @param usage 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE
 * @param selector 0 the full certificate, 1 its SubjectPublicKeyInfo
 * @param matchingType 0 exact, 1 SHA-256, 2 SHA-512
 * @param data the certificate association data, lower-case hex
 */
public record TlsaRecord(int usage, int selector, int matchingType, String data) {

  /**
   * Validates the values.
   *
   * @throws IllegalArgumentException for a field outside 0 to 255 or data that is not hex
   */
  public TlsaRecord {
    for (int field : new int[] {usage, selector, matchingType}) {
      if (field < 0 || field > 255) {
        throw new IllegalArgumentException("TLSA field must be 0 to 255, was [" + field + "]");
      }
    }
    data = Objects.requireNonNull(data, "data").toLowerCase(Locale.ROOT);
    if (!data.matches("([0-9a-f]{2})*")) {
      throw new IllegalArgumentException("TLSA data must be hex, was [" + data + "]");
    }
  }

  /**
   * Returns whether the chain (the server's certificate first) matches this record: usages 1 and 3
   * against the server's own certificate, 0 and 2 against the certificates that issued it. Unknown
   * usages, selectors and matching types never match (RFC 7671 §4).
   */
  public boolean matches(List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      return false;
    }
    List<X509Certificate> candidates =
        switch (usage) {
          case 1, 3 -> chain.subList(0, 1);
          case 0, 2 -> chain.subList(Math.min(1, chain.size() - 1), chain.size());
          default -> List.of();
        };
    return candidates.stream().anyMatch(this::matches);
  }

  private boolean matches(X509Certificate certificate) {
    byte[] selected;
    try {
      selected =
          switch (selector) {
            case 0 -> certificate.getEncoded();
            case 1 -> certificate.getPublicKey().getEncoded();
            default -> null;
          };
    } catch (CertificateEncodingException e) {
      return false;
    }
    if (selected == null) {
      return false;
    }
    String algorithm =
        switch (matchingType) {
          case 0 -> "";
          case 1 -> "SHA-256";
          case 2 -> "SHA-512";
          default -> null;
        };
    if (algorithm == null) {
      return false;
    }
    try {
      byte[] value =
          algorithm.isEmpty() ? selected : MessageDigest.getInstance(algorithm).digest(selected);
      return HexFormat.of().formatHex(value).equals(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK lacks " + algorithm, e);
    }
  }

  @Override
  public String toString() {
    return usage + " " + selector + " " + matchingType + " " + data;
  }
}
