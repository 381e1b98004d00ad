package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testing.TestCertificates;
import org.smtpunit.testing.TestCertificates.Certificate;
import org.smtpunit.testserver.SchedulingStalls;
import org.smtpunit.testserver.SecureScript;

/** STARTTLS and certificate checks with real TLS on loopback. */
class TlsTest {

  @TempDir static Path certificates;

  private static Certificate good;
  private static Certificate otherName;
  private static Certificate expired;
  private static Certificate nameOnly;

  private ScriptedSmtpServer server;

  @BeforeAll
  static void makeCertificates() {
    good =
        TestCertificates.create(certificates, "good", "dns:mail1.fabrikam.com,ip:127.0.0.1", 0, 30);
    otherName = TestCertificates.create(certificates, "other", "dns:other.example", 0, 30);
    expired =
        TestCertificates.create(
            certificates, "expired", "dns:mail1.fabrikam.com,ip:127.0.0.1", -30, 1);
    nameOnly = TestCertificates.create(certificates, "name-only", "dns:mail1.fabrikam.com", 0, 30);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private ScriptedSmtpServer start(SecureScript script) {
    server = ScriptedSmtpServer.start(script);
    return server;
  }

  private static SmtpClient.Builder trusting(Certificate certificate) {
    return SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).trust(certificate.trustStore());
  }

  @Test
  void starttls_mode_returns_an_encrypted_session_ready_for_the_post_tls_ehlo() {
    start(new SecureScript(good.serverContext()));
    SmtpClient client = trusting(good).tls(TlsMode.STARTTLS).clientDomain("contoso.com").build();

    try (SmtpSession smtp = client.open(server.host(), server.port())) {
      TlsInfo tls = smtp.tls().orElseThrow();
      assertThat(tls)
          .hasProtocolAtLeast("TLSv1.2")
          .hasCertificateFor("mail1.fabrikam.com")
          .hasCertificateValidFor(Duration.ofDays(7))
          .isIssuedBy("CN=mail1.fabrikam.com")
          .hasCipherSuiteMatching("TLS_.*");
      assertThat(tls.verifiedHostName()).hasValue("127.0.0.1");
      assertThat(smtp.ehlo("contoso.com")).hasCode(250).doesNotSupport("STARTTLS");
      assertThat(smtp.transcript())
          .containsCommand("EHLO contoso.com")
          .containsCommand("STARTTLS")
          .containsReplyCode(220);
    }
  }

  @Test
  void a_test_can_drive_the_upgrade_itself_and_must_ehlo_again() {
    start(new SecureScript(good.serverContext()));

    try (SmtpSession smtp = trusting(good).build().open(server.host(), server.port())) {
      assertThat(smtp.ehlo("contoso.com")).supports("STARTTLS");
      assertThat(smtp.tls()).isEmpty();

      assertThat(smtp.startTls()).hasCode(220).hasEnhancedStatus("2.0.0");

      assertThat(smtp.tls()).isPresent();
      assertThatThrownBy(() -> smtp.auth(AuthMechanism.PLAIN, Credentials.of("u", "p")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Send EHLO again after STARTTLS before AUTH: RFC 3207 §4.2");
      assertThat(smtp.ehlo("contoso.com")).hasCode(250);
    }
  }

  @Test
  void starttls_mode_fails_clearly_when_starttls_is_not_advertised() {
    start(new SecureScript(good.serverContext()).withoutStartTls());

    SmtpTlsException e =
        catchThrowableOfType(
            SmtpTlsException.class,
            () -> trusting(good).tls(TlsMode.STARTTLS).build().open(server.host(), server.port()));

    assertThat(e.stage()).isEqualTo(SmtpStage.STARTTLS);
    assertThat(e.getMessage())
        .startsWith(
            "127.0.0.1 does not advertise STARTTLS in its EHLO reply, and the client requires it");
  }

  @Test
  void opportunistic_mode_continues_in_plain_text_when_starttls_is_not_offered() {
    start(new SecureScript(good.serverContext()).withoutStartTls());

    try (SmtpSession smtp =
        trusting(good)
            .tls(TlsMode.STARTTLS_IF_OFFERED)
            .build()
            .open(server.host(), server.port())) {
      assertThat(smtp.tls()).isEmpty();
      assertThat(smtp.transcript().toString())
          .contains("STARTTLS not offered: continuing in plain text");
    }
  }

  @Test
  void opportunistic_mode_encrypts_when_starttls_is_offered() {
    start(new SecureScript(good.serverContext()));

    try (SmtpSession smtp =
        trusting(good)
            .tls(TlsMode.STARTTLS_IF_OFFERED)
            .build()
            .open(server.host(), server.port())) {
      assertThat(smtp.tls()).isPresent();
    }
  }

  @Test
  void a_454_to_starttls_is_returned_by_starttls_and_fails_starttls_mode() {
    start(new SecureScript(good.serverContext()).answeringStartTls("454 4.7.0 TLS not available"));

    try (SmtpSession smtp = trusting(good).build().open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");
      assertThat(smtp.startTls()).hasCode(454).hasEnhancedStatus("4.7.0");
      assertThat(smtp.tls()).isEmpty();
    }
    assertThatThrownBy(
            () -> trusting(good).tls(TlsMode.STARTTLS).build().open(server.host(), server.port()))
        .isInstanceOf(SmtpTlsException.class)
        .hasMessageStartingWith(
            "127.0.0.1 refused STARTTLS with [454 4.7.0 TLS not available], and the client requires TLS");
  }

  @Test
  void bytes_injected_after_the_220_are_an_error_never_a_post_tls_reply() {
    start(new SecureScript(good.serverContext()).injectingAfterStartTls());

    try (SmtpSession smtp = trusting(good).build().open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");

      SmtpTlsException e = catchThrowableOfType(SmtpTlsException.class, smtp::startTls);

      assertThat(e.getMessage()).contains("CVE-2011-0411");
      assertThat(smtp.isOpen()).isFalse();
      assertThat(smtp.transcript()).doesNotContain("250 injected before the handshake");
    }
  }

  @Test
  void a_certificate_for_another_name_fails_the_handshake_saying_so() {
    start(new SecureScript(otherName.serverContext()));

    SmtpTlsException e =
        catchThrowableOfType(
            SmtpTlsException.class,
            () ->
                trusting(otherName)
                    .tls(TlsMode.STARTTLS)
                    .build()
                    .open(server.host(), server.port()));

    assertThat(e.getMessage())
        .contains("the server's certificate does not match host name 127.0.0.1");
  }

  @Test
  void an_expired_certificate_fails_the_handshake_saying_so() {
    start(new SecureScript(expired.serverContext()));

    SmtpTlsException e =
        catchThrowableOfType(
            SmtpTlsException.class,
            () ->
                trusting(expired).tls(TlsMode.STARTTLS).build().open(server.host(), server.port()));

    assertThat(e.getMessage())
        .containsPattern("certificate has expired|has expired or is not valid yet");
  }

  @Test
  void a_self_signed_certificate_is_refused_by_default() {
    start(new SecureScript(good.serverContext()));

    SmtpTlsException e =
        catchThrowableOfType(
            SmtpTlsException.class,
            () ->
                SmtpClient.builder()
                    .tls(TlsMode.STARTTLS)
                    .build()
                    .open(server.host(), server.port()));

    assertThat(e.getMessage())
        .contains("the server's certificate is not trusted (self-signed or unknown issuer)");
  }

  @Test
  void a_self_signed_certificate_is_accepted_when_trusted_from_a_pem_file() {
    start(new SecureScript(good.serverContext()));
    SmtpClient client =
        SmtpClient.builder().tls(TlsMode.STARTTLS).trustCertificate(good.pem()).build();

    try (SmtpSession smtp = client.open(server.host(), server.port())) {
      assertThat(smtp.tls()).isPresent();
    }
  }

  @Test
  void any_certificate_is_accepted_insecurely_and_the_session_says_it_was_not_verified() {
    start(new SecureScript(otherName.serverContext()));
    SmtpClient client =
        SmtpClient.builder().tls(TlsMode.STARTTLS).trustAnyCertificateInsecurely().build();

    try (SmtpSession smtp = client.open(server.host(), server.port())) {
      assertThat(smtp.tls().orElseThrow().verifiedHostName()).isEmpty();
      assertThat(smtp.tls().orElseThrow().toString()).endsWith("NOT verified");
    }
  }

  @Test
  void tls_host_name_verifies_against_the_mx_name_when_connecting_by_address() {
    start(new SecureScript(nameOnly.serverContext()));

    assertThatThrownBy(
            () ->
                trusting(nameOnly).tls(TlsMode.STARTTLS).build().open(server.host(), server.port()))
        .isInstanceOf(SmtpTlsException.class);
    try (SmtpSession smtp =
        trusting(nameOnly)
            .tls(TlsMode.STARTTLS)
            .tlsHostName("mail1.fabrikam.com")
            .build()
            .open(server.host(), server.port())) {
      assertThat(smtp.tls().orElseThrow().verifiedHostName()).hasValue("mail1.fabrikam.com");
    }
  }

  @Test
  void a_server_below_the_minimum_protocol_is_refused() {
    start(new SecureScript(good.serverContext("TLSv1.2")));

    assertThatThrownBy(
            () ->
                trusting(good)
                    .tls(TlsMode.STARTTLS)
                    .minimumTlsProtocol("TLSv1.3")
                    .build()
                    .open(server.host(), server.port()))
        .isInstanceOf(SmtpTlsException.class)
        .hasMessageContaining("TLS handshake with 127.0.0.1 failed at STARTTLS");
    assertThatThrownBy(() -> SmtpClient.builder().minimumTlsProtocol("TLSv9").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Unknown TLS protocol [TLSv9]");
  }

  @Test
  void an_unknown_minimum_protocol_is_refused_where_it_is_set() {
    SmtpClient.Builder builder = SmtpClient.builder();

    assertThatThrownBy(() -> builder.minimumTlsProtocol("TLSv9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown TLS protocol [TLSv9]: expected one of [SSLv3, TLSv1, TLSv1.1, TLSv1.2,"
                + " TLSv1.3]");
  }

  @Test
  void a_server_that_stops_reading_cannot_block_a_large_message_under_tls() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 ready\r\n");
              c.readLine();
              c.send("250-mail1.fabrikam.com\r\n250 STARTTLS\r\n");
              c.readLine();
              c.send("220 2.0.0 Ready to start TLS\r\n");
              c.startTls(good.serverContext());
              c.readLine();
              c.send("354 go ahead\r\n");
              release.await(60, TimeUnit.SECONDS); // never reads the content
            });
    Duration timeout = Duration.ofSeconds(2);
    MailMessage message = MailMessage.raw("Subject: big\r\n\r\n" + "x".repeat(16 * 1024 * 1024));
    SmtpClient client = trusting(good).tls(TlsMode.STARTTLS).replyTimeout(timeout).build();
    try (SchedulingStalls stalls = SchedulingStalls.start();
        SmtpSession smtp = client.open(server.host(), server.port())) {
      smtp.data();

      // Closing a TLS socket waits for a blocked write's lock: the watchdog must abort the TCP
      // socket underneath, or this would hang until the server gave up (the preemptive timeout
      // only keeps such a hang from holding the build).
      long start = System.nanoTime();
      SmtpTimeoutException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () -> catchThrowableOfType(SmtpTimeoutException.class, () -> smtp.content(message)));
      long end = System.nanoTime();

      assertThat(e).isNotNull();
      assertThat(e.getMessage()).startsWith("The server stopped reading at content");
      // The contract's bound on the call's own time: its deadline plus 500 ms.
      assertThat(stalls.ownTime(start, end)).isLessThan(timeout.plusMillis(500));
    } finally {
      release.countDown();
    }
  }

  @Test
  void tls_info_assertions_fail_with_what_was_negotiated() {
    start(new SecureScript(good.serverContext()));

    try (SmtpSession smtp =
        trusting(good).tls(TlsMode.STARTTLS).build().open(server.host(), server.port())) {
      TlsInfo tls = smtp.tls().orElseThrow();
      assertThatThrownBy(() -> assertThat(tls).hasProtocol("TLSv1.1"))
          .hasMessageContaining("to use protocol:")
          .hasMessageEndingWith("but it uses " + tls.protocol());
      assertThatThrownBy(() -> assertThat(tls).hasCertificateFor("mail2.fabrikam.com"))
          .hasMessageEndingWith("but it names [mail1.fabrikam.com, 127.0.0.1]");
      assertThatThrownBy(() -> assertThat(tls).hasCertificateValidFor(Duration.ofDays(365)))
          .hasMessageContaining("to have a certificate valid for at least");
      assertThatThrownBy(() -> assertThat(tls).isIssuedBy("CN=Some CA"))
          .hasMessageContaining("but it was issued by CN=mail1.fabrikam.com");
    }
  }
}
