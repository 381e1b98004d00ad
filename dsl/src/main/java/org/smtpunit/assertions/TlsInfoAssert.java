package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldHaveTls.shouldHaveTls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.ObjectAssert;
import org.smtpunit.TlsInfo;
import org.smtpunit.dns.TlsaRecord;
import org.smtpunit.internal.TlsVersions;

/**
 * Assertions on what TLS negotiated and on the server's certificate; get one from {@link
 * SmtpAssertions#assertThat(TlsInfo)}.
 *
 * <pre>{@code
 * assertThat(smtp.tls().orElseThrow())
 *     .hasProtocolAtLeast("TLSv1.2")
 *     .hasCertificateFor("mail1.fabrikam.com")
 *     .hasCertificateValidFor(Duration.ofDays(14));
 * }</pre>
 */
public class TlsInfoAssert extends AbstractSmtpUnitAssert<TlsInfoAssert, TlsInfo> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public TlsInfoAssert(TlsInfo actual) {
    super(actual, TlsInfoAssert.class);
  }

  /**
   * Navigates to the server's own (leaf) certificate, for AssertJ's object assertions; fails when
   * the server sent none.
   *
   * <pre>{@code
   * assertThat(tls).peerCertificate()
   *     .extracting(c -> c.getSubjectX500Principal().getName()).asString()
   *     .contains("CN=mail1.fabrikam.com");
   * }</pre>
   */
  @CheckReturnValue
  public ObjectAssert<X509Certificate> peerCertificate() {
    isNotNull();
    leaf();
    return navigate(
        "peer certificate",
        t -> t.peerCertificates().get(0),
        InstanceOfAssertFactories.type(X509Certificate.class));
  }

  /**
   * Verifies the protocol version, e.g. {@code TLSv1.3}.
   *
   * @throws IllegalArgumentException when {@code protocol} is null
   */
  public TlsInfoAssert hasProtocol(String protocol) {
    Expected.notNull(protocol, "protocol");
    isNotNull();
    if (!actual.protocol().equals(protocol)) {
      failWithDiff(
          actual.protocol(),
          protocol,
          shouldHaveTls(actual, "to use protocol", protocol, "it uses " + actual.protocol()));
    }
    return myself;
  }

  /**
   * Verifies the protocol version is at least this one.
   *
   * @throws IllegalArgumentException for a null or unknown protocol name
   */
  public TlsInfoAssert hasProtocolAtLeast(String protocol) {
    Expected.notNull(protocol, "protocol");
    TlsVersions.rank(protocol);
    isNotNull();
    if (!TlsVersions.isAtLeast(actual.protocol(), protocol)) {
      throwAssertionError(
          shouldHaveTls(actual, "to use at least", protocol, "it uses " + actual.protocol()));
    }
    return myself;
  }

  /**
   * Verifies the cipher suite matches the regular expression.
   *
   * @throws IllegalArgumentException when {@code regex} is null
   */
  public TlsInfoAssert hasCipherSuiteMatching(String regex) {
    Expected.notNull(regex, "regular expression");
    isNotNull();
    if (!Pattern.compile(regex).matcher(actual.cipherSuite()).matches()) {
      throwAssertionError(
          shouldHaveTls(
              actual, "to use a cipher suite matching", regex, "it uses " + actual.cipherSuite()));
    }
    return myself;
  }

  /**
   * Verifies the server's certificate names the host: a DNS subject alternative name (wildcards in
   * the first label count), or the common name when the certificate has no DNS names.
   *
   * @throws IllegalArgumentException when {@code hostName} is null
   */
  public TlsInfoAssert hasCertificateFor(String hostName) {
    Expected.notNull(hostName, "host name");
    isNotNull();
    List<String> names = names(leaf());
    String host = hostName.toLowerCase(Locale.ROOT);
    if (names.stream().noneMatch(name -> matches(name.toLowerCase(Locale.ROOT), host))) {
      throwAssertionError(
          shouldHaveTls(actual, "to have a certificate for", hostName, "it names " + names));
    }
    return myself;
  }

  /**
   * Verifies the server's certificate does not expire within the period.
   *
   * @throws IllegalArgumentException when {@code period} is null
   */
  public TlsInfoAssert hasCertificateValidFor(Duration period) {
    Expected.notNull(period, "period");
    isNotNull();
    Instant expiry = leaf().getNotAfter().toInstant();
    if (expiry.isBefore(Instant.now().plus(period))) {
      throwAssertionError(
          shouldHaveTls(
              actual,
              "to have a certificate valid for at least",
              period,
              "it expires at " + expiry));
    }
    return myself;
  }

  /**
   * Verifies the issuer of the server's certificate: its distinguished name equals the text, or
   * contains it as a whole attribute (e.g. {@code CN=R3} or {@code O=Let's Encrypt}).
   *
   * @throws IllegalArgumentException when {@code issuer} is null
   */
  public TlsInfoAssert isIssuedBy(String issuer) {
    Expected.notNull(issuer, "issuer");
    isNotNull();
    String dn = leaf().getIssuerX500Principal().getName();
    boolean matches =
        dn.equals(issuer)
            || List.of(dn.split(",")).stream().map(String::trim).anyMatch(issuer::equals);
    if (!matches) {
      throwAssertionError(
          shouldHaveTls(
              actual, "to have a certificate issued by", issuer, "it was issued by " + dn));
    }
    return myself;
  }

  /**
   * Verifies the server's certificate chain matches at least one of the TLSA records (DANE, RFC
   * 6698), e.g. those of {@code dns.tlsa(25, "mail1.fabrikam.com")}.
   */
  public TlsInfoAssert matchesTlsa(List<TlsaRecord> records) {
    isNotNull();
    if (records.stream().noneMatch(r -> r.matches(actual.peerCertificates()))) {
      throwAssertionError(
          shouldHaveTls(
              actual,
              "to match one of the TLSA records",
              records,
              records.isEmpty() ? "there are none" : "the certificate chain matches none"));
    }
    return myself;
  }

  private X509Certificate leaf() {
    if (actual.peerCertificates().isEmpty()) {
      throwAssertionError(
          shouldHaveTls(actual, "to have", "a server certificate", "the server sent none"));
    }
    return actual.peerCertificates().get(0);
  }

  private static List<String> names(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
      if (alternatives != null) {
        for (List<?> entry : alternatives) {
          if (Integer.valueOf(2).equals(entry.get(0)) || Integer.valueOf(7).equals(entry.get(0))) {
            names.add(String.valueOf(entry.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // Unreadable extension: fall back to the common name.
    }
    if (names.isEmpty()) {
      Matcher cn =
          Pattern.compile("CN=([^,]+)").matcher(certificate.getSubjectX500Principal().getName());
      if (cn.find()) {
        names.add(cn.group(1));
      }
    }
    return names;
  }

  private static boolean matches(String pattern, String host) {
    if (pattern.startsWith("*.")) {
      int dot = host.indexOf('.');
      return dot > 0 && host.substring(dot).equals(pattern.substring(1));
    }
    return pattern.equals(host);
  }
}
