package org.smtpunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;
import static org.smtpunit.junit.ExtensionTestKit.failures;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smtpunit.Credentials;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.TlsMode;
import org.smtpunit.testserver.ScriptedSmtpServer;
import org.smtpunit.testserver.SecureScript;
import org.smtpunit.testserver.TestCertificates;
import org.smtpunit.testserver.WalkthroughScript;

/** Lifecycle: one client per class, a silent target costs one timeout, the programmatic form. */
class LifecycleTest {

  @TempDir static Path dir;

  static final Set<SmtpClient> clients = ConcurrentHashMap.newKeySet();

  @SmtpTarget
  static class ClientPerClassTestCase {
    @Test
    void one(SmtpClient client) {
      clients.add(client);
    }

    @Test
    void two(SmtpClient client) {
      clients.add(client);
    }
  }

  @Test
  void the_client_is_built_once_per_class() {
    clients.clear();
    ExtensionTestKit.run(ClientPerClassTestCase.class, dir, Map.of())
        .testEvents()
        .assertStatistics(s -> s.succeeded(2));

    assertThat(clients).hasSize(1);
  }

  @SmtpTarget(replyTimeout = "1s")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class SilentTestCase {
    @Test
    @Order(1)
    void first(SmtpSession smtp) {}

    @Test
    @Order(2)
    void second(SmtpSession smtp) {}

    @Test
    @Order(3)
    void third(SmtpSession smtp) {}
  }

  @Test
  void a_silent_target_costs_one_timeout_and_later_tests_fail_at_once_saying_so() {
    try (ScriptedSmtpServer silent = ScriptedSmtpServer.start(c -> c.awaitClientClose())) {
      String target = "127.0.0.1:" + silent.port();
      List<Throwable> failures =
          failures(
              ExtensionTestKit.run(
                  SilentTestCase.class, dir, Map.of(SmtpTarget.TARGET_PROPERTY_NAME, target)));

      assertThat(failures).hasSize(3);
      assertThat(failures.get(0).getMessage())
          .startsWith("Could not open an SMTP session to " + target + " for first(SmtpSession): ");
      assertThat(failures.get(2).getMessage())
          .isEqualTo(
              "Not connecting to "
                  + target
                  + " for third(SmtpSession): it did not answer within 1 s earlier in this run"
                  + " (first(SmtpSession)), so later sessions fail at once");
      assertThat(silent.conversations()).hasSize(1);
    }
  }

  static final ScriptedSmtpServer walkthrough = ScriptedSmtpServer.start(new WalkthroughScript());

  static class RegisteredTestCase {
    @RegisterExtension
    static SmtpTargetExtension smtp =
        SmtpTargetExtension.builder()
            .target("127.0.0.1:" + walkthrough.port())
            .client(SmtpClient.builder().replyTimeout(Duration.ofSeconds(7)).build())
            .build();

    @Test
    void injected(SmtpSession smtp, SmtpClient client) {
      assertThat(smtp.greeting()).hasTextContaining("Microsoft ESMTP");
      assertThat(client.replyTimeout()).isEqualTo(Duration.ofSeconds(7));
    }
  }

  @Test
  void the_programmatic_extension_injects_sessions_for_its_target_and_client() {
    ExtensionTestKit.run(RegisteredTestCase.class, dir, Map.of())
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
    assertThat(dir.resolve(RegisteredTestCase.class.getName()).resolve("injected.log"))
        .content()
        .contains("<-  220 mail1.fabrikam.com Microsoft ESMTP");
  }

  @Test
  void the_programmatic_extension_refuses_a_target_and_an_mx_together() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SmtpTargetExtension.builder().target("a.example").mx("b.example").build())
        .hasMessage(
            "@SmtpTarget names two targets: value = \"a.example\" and mx = \"b.example\"; keep"
                + " one of them");
  }

  @SmtpTarget(tls = TlsMode.STARTTLS)
  static class AuthenticatedTestCase {
    @Test
    void submission(SmtpSession smtp, Credentials credentials) {
      assertThat(smtp.ehlo("contoso.com")).hasCode(250);
      assertThat(smtp.mailFrom("chris@contoso.com")).hasCode(250);
    }
  }

  @Test
  void with_auth_sessions_every_injected_session_authenticates_after_starttls() {
    TestCertificates.Certificate certificate =
        TestCertificates.create(dir, "auth", "ip:127.0.0.1", 0, 30);
    try (ScriptedSmtpServer secure =
        ScriptedSmtpServer.start(new SecureScript(certificate.serverContext()))) {
      ExtensionTestKit.run(
              AuthenticatedTestCase.class,
              dir,
              Map.of(
                  SmtpTarget.TARGET_PROPERTY_NAME,
                  "127.0.0.1:" + secure.port(),
                  SmtpTarget.TLS_CERTIFICATE_PROPERTY_NAME,
                  certificate.pem().toString(),
                  SmtpTarget.AUTH_USERNAME_PROPERTY_NAME,
                  SecureScript.USER,
                  SmtpTarget.AUTH_PASSWORD_PROPERTY_NAME,
                  SecureScript.PASSWORD,
                  SmtpTarget.AUTH_SESSIONS_PROPERTY_NAME,
                  "true"))
          .testEvents()
          .assertStatistics(s -> s.succeeded(1));
      assertThat(secure.conversation().lines())
          .contains("STARTTLS")
          .anyMatch(l -> l.startsWith("AUTH PLAIN"));
    }
  }
}
