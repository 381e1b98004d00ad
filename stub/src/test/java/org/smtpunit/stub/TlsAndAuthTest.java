package org.smtpunit.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smtpunit.AuthMechanism;
import org.smtpunit.Credentials;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.SmtpTlsException;
import org.smtpunit.TlsMode;

/** STARTTLS and implicit TLS with the certificate made at start; AUTH against added users. */
class TlsAndAuthTest {

  private final SmtpStub stub =
      SmtpStub.start(Persona.EXCHANGE_2013).addUser("chris@contoso.com", "S3cret!");

  @AfterEach
  void close() {
    stub.close();
  }

  private SmtpClient.Builder trusting(SmtpStub server) {
    return SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).trust(server.trustStore());
  }

  @Test
  void starttls_against_the_stubs_certificate_encrypts_the_session() {
    try (SmtpSession smtp =
        trusting(stub).tls(TlsMode.STARTTLS).build().open(stub.host(), stub.port())) {
      assertThat(smtp.tls()).isPresent();
      assertThat(smtp.ehlo("contoso.com").supports("STARTTLS")).isFalse();
      assertThat(smtp.mailFrom("chris@contoso.com")).hasCode(250);
    }
    assertThat(stub.certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=mail1.fabrikam.com");
    assertThat(stub.commands()).containsSubsequence("STARTTLS", "EHLO contoso.com");
  }

  @Test
  void a_client_that_does_not_trust_the_certificate_fails_the_handshake() {
    SmtpClient strict =
        SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).tls(TlsMode.STARTTLS).build();

    SmtpTlsException e =
        catchThrowableOfType(SmtpTlsException.class, () -> strict.open(stub.host(), stub.port()));

    assertThat(e).isNotNull();
  }

  @Test
  void implicit_tls_starts_the_handshake_before_the_greeting() {
    try (SmtpStub smtps = SmtpStub.builder().implicitTls().start();
        SmtpSession smtp =
            trusting(smtps).tls(TlsMode.IMPLICIT).build().open(smtps.host(), smtps.port())) {
      assertThat(smtp.tls()).isPresent();
      assertThat(smtp.greeting()).hasCode(220);
    }
  }

  @Test
  void with_certificate_presents_another_key_store() throws Exception {
    KeyStore own =
        SelfSignedCertificate.generate(
            "mx.contoso.com",
            List.of("mx.contoso.com"),
            List.of(InetAddress.getByName("127.0.0.1")));
    X509Certificate certificate = (X509Certificate) own.getCertificate(SelfSignedCertificate.ALIAS);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("own", certificate);

    stub.withCertificate(own, SelfSignedCertificate.PASSWORD);

    SmtpClient client =
        SmtpClient.builder()
            .replyTimeout(Duration.ofSeconds(5))
            .trust(trust)
            .tls(TlsMode.STARTTLS)
            .build();
    try (SmtpSession smtp = client.open(stub.host(), stub.port())) {
      assertThat(smtp.tls()).isPresent();
    }
    assertThat(stub.certificate()).isEqualTo(certificate);
  }

  @ParameterizedTest
  @EnumSource(AuthMechanism.class)
  void every_mechanism_authenticates_an_added_user_and_refuses_a_wrong_password(
      AuthMechanism mechanism) {
    SmtpClient client = trusting(stub).tls(TlsMode.STARTTLS).build();
    stub.requireAuthentication();
    try (SmtpSession smtp = client.open(stub.host(), stub.port())) {
      smtp.ehlo("contoso.com");
      assertThat(smtp.auth(mechanism, Credentials.of("chris@contoso.com", "wrong")))
          .isPermanentNegative();
      assertThat(smtp.auth(mechanism, Credentials.of("chris@contoso.com", "S3cret!")).toString())
          .isEqualTo("235 2.7.0 Authentication successful");
      assertThat(smtp.mailFrom("chris@contoso.com")).hasCode(250);
    }
    assertThat(String.join("\n", stub.commands())).doesNotContain("S3cret").doesNotContain("UzNj");
  }

  @Test
  void auth_in_plain_text_works_when_the_client_allows_it() {
    SmtpClient client =
        SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).allowPlaintextAuth(true).build();
    try (SmtpSession smtp = client.open(stub.host(), stub.port())) {
      smtp.ehlo("contoso.com");
      assertThat(smtp.auth(AuthMechanism.LOGIN, Credentials.of("nobody", "x")).toString())
          .isEqualTo("535 5.7.3 Authentication unsuccessful");
    }
  }
}
