package org.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testing.TestCertificates;
import org.smtpunit.testserver.SecureScript;

/**
 * AUTH as the walkthrough's hub transport needs it: refused anonymously with 530 5.7.1, accepted
 * after AUTH over TLS, and the credentials never visible anywhere.
 */
class AuthTest {

  private static final String USER = SecureScript.USER;
  private static final String PASSWORD = SecureScript.PASSWORD;

  @TempDir static Path dir;
  private static TestCertificates.Certificate certificate;

  private ScriptedSmtpServer server;

  @BeforeAll
  static void makeCertificate() {
    certificate = TestCertificates.create(dir, "auth", "ip:127.0.0.1", 0, 30);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private SmtpSession encrypted() {
    server = ScriptedSmtpServer.start(new SecureScript(certificate.serverContext()));
    SmtpClient client =
        SmtpClient.builder()
            .replyTimeout(Duration.ofSeconds(5))
            .tls(TlsMode.STARTTLS)
            .trust(certificate.trustStore())
            .build();
    SmtpSession smtp = client.open(server.host(), server.port());
    smtp.ehlo("contoso.com");
    return smtp;
  }

  @Test
  void anonymous_sender_gets_530_5_7_1_then_250_after_auth() {
    try (SmtpSession smtp = encrypted()) {
      assertThat(smtp.mailFrom(USER)).hasCode(530).hasEnhancedStatus("5.7.1");

      assertThat(smtp.auth(AuthMechanism.LOGIN, Credentials.of(USER, PASSWORD)))
          .hasCode(235)
          .hasEnhancedStatus("2.7.0");

      assertThat(smtp.mailFrom(USER)).hasCode(250).hasEnhancedStatus("2.1.0");
    }
  }

  @Test
  void auth_plain_sends_one_base64_initial_response() {
    try (SmtpSession smtp = encrypted()) {
      assertThat(smtp.auth(AuthMechanism.PLAIN, Credentials.of(USER, PASSWORD))).hasCode(235);
    }
    String expected =
        "AUTH PLAIN "
            + Base64.getEncoder()
                .encodeToString(("\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    server.conversation().awaitClientClose();
    assertThat(server.conversation().lines()).contains(expected);
  }

  @Test
  void wrong_passwords_get_535_for_every_mechanism() {
    for (AuthMechanism mechanism : AuthMechanism.values()) {
      try (SmtpSession smtp = encrypted()) {
        assertThat(smtp.auth(mechanism, Credentials.of(USER, "wrong")))
            .as(mechanism.name())
            .hasCode(535)
            .hasEnhancedStatus("5.7.8");
      }
      server.close();
    }
  }

  @Test
  void cram_md5_and_xoauth2_succeed_with_the_right_secret() {
    try (SmtpSession smtp = encrypted()) {
      assertThat(smtp.auth(AuthMechanism.CRAM_MD5, Credentials.of(USER, PASSWORD))).hasCode(235);
    }
    server.close();
    try (SmtpSession smtp = encrypted()) {
      assertThat(smtp.auth(AuthMechanism.XOAUTH2, Credentials.oauthToken(USER, PASSWORD)))
          .hasCode(235);
    }
  }

  @Test
  void login_prompts_are_decoded_in_the_transcript_and_answers_hidden() {
    try (SmtpSession smtp = encrypted()) {
      smtp.auth(AuthMechanism.LOGIN, Credentials.of(USER, PASSWORD));

      assertThat(smtp.transcript().toString())
          .contains(
              " -> AUTH LOGIN\n<-  334 VXNlcm5hbWU6\n=== 334 prompt decodes to [Username:]\n -> ****\n")
          .contains("=== 334 prompt decodes to [Password:]\n -> ****\n<-  235 2.7.0");
    }
  }

  @Test
  void an_endless_challenge_loop_is_cancelled_with_a_star() {
    server =
        ScriptedSmtpServer.start(
            new SecureScript(certificate.serverContext()).withEndlessChallenges());
    SmtpClient client =
        SmtpClient.builder().tls(TlsMode.STARTTLS).trust(certificate.trustStore()).build();
    try (SmtpSession smtp = client.open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");

      assertThat(smtp.auth(AuthMechanism.LOGIN, Credentials.of(USER, PASSWORD))).hasCode(501);

      assertThat(smtp.transcript()).containsCommand("*");
      long answers =
          smtp.transcript().entries().stream().filter(e -> e.line().equals("****")).count();
      assertThat(answers).isEqualTo(2);
    }
  }

  @Test
  void auth_over_plain_text_is_refused_before_anything_is_sent() {
    server = ScriptedSmtpServer.start(new SecureScript(certificate.serverContext()));
    try (SmtpSession smtp = SmtpClient.defaults().open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");

      SmtpSecurityException e =
          catchThrowableOfType(
              SmtpSecurityException.class,
              () -> smtp.auth(AuthMechanism.LOGIN, Credentials.of(USER, PASSWORD)));

      assertThat(e.getMessage())
          .contains(
              "Basic authentication without encryption is not recommended, because the"
                  + " credentials are easy to read");
      smtp.close();
      server.conversation().awaitClientClose();
      assertThat(server.conversation().lines()).containsExactly("EHLO contoso.com");
    }
  }

  @Test
  void plain_text_auth_is_possible_when_allowed_explicitly() {
    server = ScriptedSmtpServer.start(new SecureScript(certificate.serverContext()));
    SmtpClient lab = SmtpClient.builder().allowPlaintextAuth(true).build();
    try (SmtpSession smtp = lab.open(server.host(), server.port())) {
      smtp.ehlo("contoso.com");
      assertThat(smtp.auth(AuthMechanism.PLAIN, Credentials.of(USER, PASSWORD))).hasCode(235);
    }
  }

  @Test
  void credentials_never_appear_in_any_output() throws Exception {
    String plainB64 =
        Base64.getEncoder()
            .encodeToString(("\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    String passwordB64 =
        Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
    String oauthB64 =
        Base64.getEncoder()
            .encodeToString(
                ("user=" + USER + "\u0001auth=Bearer " + PASSWORD + "\u0001\u0001")
                    .getBytes(StandardCharsets.UTF_8));
    List<String> outputs = new ArrayList<>();
    for (AuthMechanism mechanism : AuthMechanism.values()) {
      Credentials credentials =
          mechanism == AuthMechanism.XOAUTH2
              ? Credentials.oauthToken(USER, PASSWORD)
              : Credentials.of(USER, PASSWORD);
      try (SmtpSession smtp = encrypted()) {
        smtp.auth(mechanism, credentials);
        smtp.mailFrom(USER);
        Path file = dir.resolve(mechanism + ".log");
        smtp.transcript().writeTo(file);
        outputs.add(Files.readString(file));
        outputs.add(smtp.transcript().toString());
        outputs.add(smtp.toString());
        outputs.add(credentials.toString());
        server.conversation().close();
        SmtpException e = catchThrowableOfType(SmtpException.class, smtp::noop);
        outputs.add(e.getMessage());
        for (String secret : List.of(PASSWORD, plainB64, passwordB64, oauthB64)) {
          assertThat(smtp.transcript()).doesNotContain(secret);
        }
      }
      server.close();
    }

    assertThat(outputs).hasSize(20);
    for (String output : outputs) {
      assertThat(output)
          .doesNotContain(PASSWORD)
          .doesNotContain(plainB64)
          .doesNotContain(passwordB64)
          .doesNotContain(oauthB64);
    }
    assertThat(String.join("\n", outputs))
        .contains("AUTH PLAIN ****")
        .contains("AUTH XOAUTH2 ****");
  }

  @Test
  void implicit_tls_and_auth_against_greenmail() {
    GreenMail greenMail =
        new GreenMail(ServerSetupTest.SMTPS.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD));
    greenMail.start();
    try {
      SmtpClient client =
          SmtpClient.builder().tls(TlsMode.IMPLICIT).trustAnyCertificateInsecurely().build();
      try (SmtpSession smtp = client.open("127.0.0.1", greenMail.getSmtps().getPort())) {
        assertThat(smtp.tls()).isPresent();
        assertThat(smtp.greeting()).hasCode(220);
        assertThat(smtp.ehlo("contoso.com")).supportsAuthMechanism("PLAIN");
        assertThat(smtp.auth(AuthMechanism.PLAIN, Credentials.of(USER, "wrong")))
            .isPermanentNegative();
        assertThat(smtp.auth(AuthMechanism.PLAIN, Credentials.of(USER, PASSWORD))).hasCode(235);
        assertThat(smtp.mailFrom(USER)).hasCode(250);
        assertThat(smtp.rcptTo("kate@fabrikam.com")).hasCode(250);
        assertThat(
                smtp.send(
                    MailMessage.raw("Subject:Test from Contoso\r\n\r\nThis is a test message")))
            .hasCode(250);
        assertThat(smtp.quit()).hasCode(221);
      }
      assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
    } finally {
      greenMail.stop();
    }
  }

  @Test
  void implicit_tls_to_a_plain_server_fails_the_handshake() {
    server = ScriptedSmtpServer.start(new SecureScript(certificate.serverContext()));
    SmtpClient client =
        SmtpClient.builder()
            .tls(TlsMode.IMPLICIT)
            .trust(certificate.trustStore())
            .replyTimeout(Duration.ofSeconds(2))
            .build();

    assertThatThrownBy(() -> client.open(server.host(), server.port()))
        .isInstanceOf(SmtpTlsException.class)
        .hasMessageStartingWith("TLS handshake with 127.0.0.1 failed at TLS handshake");
  }
}
