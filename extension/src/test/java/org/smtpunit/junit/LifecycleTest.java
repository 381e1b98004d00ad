package org.smtpunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;
import static org.smtpunit.junit.ExtensionTestKit.everything;
import static org.smtpunit.junit.ExtensionTestKit.failures;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.smtpunit.Credentials;
import org.smtpunit.MailMessage;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.TlsMode;
import org.smtpunit.stub.Fault;
import org.smtpunit.stub.Persona;
import org.smtpunit.stub.SmtpStub;
import org.smtpunit.stub.SmtpVerb;
import org.smtpunit.testing.TestCertificates;

/** Lifecycle: one client per class, a silent target costs one timeout, the programmatic form. */
class LifecycleTest {

  private static final String USER = "chris@contoso.com";
  private static final String PASSWORD = "S3cret-Pa55!";

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
    try (SmtpStub silent = SmtpStub.start()) {
      silent.on(SmtpVerb.CONNECT).fault(Fault.stall());
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
      assertThat(silent.connections()).isEqualTo(1);
    }
  }

  static final SmtpStub walkthrough = SmtpStub.start(Persona.EXCHANGE_2013);

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
    try (SmtpStub secure =
        SmtpStub.start(Persona.EXCHANGE_2013)
            .withCertificate(certificate.serverKeyStore(), TestCertificates.password())) {
      secure.requireAuthentication().addUser(USER, PASSWORD);
      ExtensionTestKit.run(
              AuthenticatedTestCase.class,
              dir,
              Map.of(
                  SmtpTarget.TARGET_PROPERTY_NAME,
                  "127.0.0.1:" + secure.port(),
                  SmtpTarget.TLS_CERTIFICATE_PROPERTY_NAME,
                  certificate.pem().toString(),
                  SmtpTarget.AUTH_USERNAME_PROPERTY_NAME,
                  USER,
                  SmtpTarget.AUTH_PASSWORD_PROPERTY_NAME,
                  PASSWORD,
                  SmtpTarget.AUTH_SESSIONS_PROPERTY_NAME,
                  "true"))
          .testEvents()
          .assertStatistics(s -> s.succeeded(1));
      assertThat(secure.commands()).contains("STARTTLS").anyMatch(l -> l.startsWith("AUTH PLAIN"));
    }
  }

  @TempDir static Path transcripts;

  private static EngineExecutionResults run(Class<?> fixture, Map<String, String> config) {
    return ExtensionTestKit.run(fixture, transcripts, config);
  }

  private static String walkthroughTarget() {
    return "127.0.0.1:" + walkthrough.port();
  }

  static class NoTargetTestCase {
    @Test
    void needsASession(SmtpSession smtp) {}
  }

  @Test
  void a_session_parameter_without_smtp_target_is_a_clear_resolution_failure() {
    List<Throwable> failures = failures(run(NoTargetTestCase.class, Map.of()));

    assertThat(failures.get(0).getMessage())
        .contains("No ParameterResolver registered for parameter");
  }

  static int closedPort;

  @SmtpTarget(value = "127.0.0.1", connectTimeout = "2s")
  static class UnreachableTestCase {
    @Test
    void connects(SmtpSession smtp) {}
  }

  @Test
  void an_unreachable_target_fails_the_test_naming_host_and_port() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    EngineExecutionResults results =
        run(UnreachableTestCase.class, Map.of("smtpunit.target", "127.0.0.1:" + closedPort));

    results.testEvents().assertStatistics(s -> s.failed(1));
    assertThat(everything(failures(results).get(0)))
        .contains(
            "Could not open an SMTP session to 127.0.0.1:"
                + closedPort
                + " for connects(SmtpSession)")
        .contains(
            "Could not open connection to 127.0.0.1 on port "
                + closedPort
                + ": connection refused");
  }

  @SmtpTarget
  static class BeforeEachTestCase {
    static SmtpSession fromBeforeEach;

    @BeforeEach
    void greet(SmtpSession smtp) {
      fromBeforeEach = smtp;
      smtp.ehlo("contoso.com");
    }

    @Test
    void same(SmtpSession smtp) {
      assertThat(smtp).isSameAs(fromBeforeEach);
      assertThat(smtp.transcript()).containsCommand("EHLO contoso.com");
    }
  }

  @Test
  void before_each_and_the_test_share_one_session() {
    run(BeforeEachTestCase.class, Map.of()).testEvents().assertStatistics(s -> s.succeeded(1));
    assertThat(BeforeEachTestCase.fromBeforeEach.isOpen()).isFalse();
  }

  @SmtpTarget
  static class ParallelTestCase {
    static final java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static Stream<Integer> ids() {
      return Stream.iterate(0, i -> i + 1).limit(40);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("ids")
    void transaction(int id, SmtpSession smtp) {
      threads.add(Thread.currentThread().getName());
      assertThat(smtp.ehlo("contoso.com")).hasCode(250);
      assertThat(smtp.mailFrom("chris@contoso.com")).hasCode(250);
      assertThat(smtp.rcptTo("kate@fabrikam.com")).hasCode(250);
      assertThat(smtp.send(MailMessage.raw("Subject: " + id + "\r\n\r\nbody"))).hasCode(250);
    }
  }

  @Test
  void parallel_execution_with_8_threads_leaves_no_socket_open() throws Exception {
    EngineExecutionResults results =
        run(
            ParallelTestCase.class,
            Map.of(
                "smtpunit.target", walkthroughTarget(),
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "8"));

    results.testEvents().assertStatistics(s -> s.succeeded(40).failed(0));
    if (ClientSockets.available()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (ClientSockets.openTo(walkthrough.port()) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(ClientSockets.openTo(walkthrough.port())).isZero();
    }
    assertThat(ParallelTestCase.threads).hasSizeGreaterThan(1);
  }

  @SmtpTarget
  static class EndsInsideDataTestCase {
    @Test
    void stopsAfter354(SmtpSession smtp) {
      smtp.ehlo("contoso.com");
      smtp.mailFrom("chris@contoso.com");
      smtp.rcptTo("kate@fabrikam.com");
      assertThat(smtp.data()).hasCode(354);
    }
  }

  @Test
  void a_test_ending_after_354_is_closed_without_a_quit_the_server_would_read_as_content()
      throws IOException {
    run(EndsInsideDataTestCase.class, Map.of("smtpunit.target", walkthroughTarget()))
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));

    String log =
        Files.readString(
            transcripts
                .resolve(EndsInsideDataTestCase.class.getName())
                .resolve("stopsAfter354.log"));
    assertThat(log).contains("<-  354 Start mail input").doesNotContain(" -> QUIT");
    assertThat(log.strip()).endsWith("=== Connection closed by the client");
  }
}
