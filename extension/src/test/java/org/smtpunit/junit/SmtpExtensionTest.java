package org.smtpunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.smtpunit.AuthMechanism;
import org.smtpunit.Credentials;
import org.smtpunit.MailMessage;
import org.smtpunit.RcptParameter;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.dns.MxRecords;
import org.smtpunit.dns.TestDnsServer;
import org.smtpunit.testserver.ScriptedSmtpServer;
import org.smtpunit.testserver.SecureScript;
import org.smtpunit.testserver.TestCertificates;
import org.smtpunit.testserver.WalkthroughScript;

/**
 * The extension tested as JUnit tests extensions: small fixture classes run through the
 * EngineTestKit, with assertions on their events, report entries and files.
 */
class SmtpExtensionTest {

  private static ScriptedSmtpServer walkthrough;
  @TempDir static Path transcripts;

  @BeforeAll
  static void start() {
    walkthrough = ScriptedSmtpServer.start(new WalkthroughScript());
  }

  @AfterAll
  static void stop() {
    walkthrough.close();
  }

  private static EngineExecutionResults run(Class<?> fixture, Map<String, String> config) {
    EngineTestKit.Builder kit =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture));
    kit.configurationParameter("smtpunit.transcripts.dir", transcripts.toString());
    config.forEach(kit::configurationParameter);
    return kit.execute();
  }

  private static String walkthroughTarget() {
    return "127.0.0.1:" + walkthrough.port();
  }

  private static List<Throwable> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
        .map(r -> r.getThrowable().orElseThrow())
        .toList();
  }

  private static String everything(Throwable t) {
    StringBuilder out = new StringBuilder(String.valueOf(t.getMessage()));
    for (Throwable s : t.getSuppressed()) {
      out.append('\n').append(s.getMessage());
    }
    for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
      out.append('\n').append(c.getMessage());
    }
    return out.toString();
  }

  // ---- fixtures ----

  @SmtpTarget
  static class EmbeddedWalkthroughTestCase {
    @Test
    void walkthrough(SmtpSession smtp, EmbeddedMailServer server) {
      assertThat(smtp.greeting()).hasCode(220);
      assertThat(smtp.ehlo("contoso.com")).isSuccess().hasCode(250);
      assertThat(smtp.mailFrom("chris@contoso.com")).hasCode(250);
      assertThat(smtp.rcptTo("kate@fabrikam.com")).hasCode(250);
      assertThat(smtp.data()).hasCode(354);
      assertThat(
              smtp.content(
                  MailMessage.raw("Subject:Test from Contoso\r\n\r\nThis is a test message")))
          .hasCode(250);
      assertThat(smtp.quit()).hasCode(221);
      assertThat(server.awaitMessages(1, Duration.ofSeconds(5)).get(0))
          .hasSubject("Test from Contoso")
          .hasRecipient("kate@fabrikam.com")
          .hasBodyContaining("This is a test message");
    }
  }

  @Test
  void a_walkthrough_class_passes_against_the_embedded_server() {
    run(EmbeddedWalkthroughTestCase.class, Map.of())
        .testEvents()
        .assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @SmtpTarget
  static class FailingTestCase {
    @Test
    void expectsTheWrongCode(SmtpSession smtp) {
      smtp.ehlo("contoso.com");
      assertThat(smtp.mailFrom("chris@contoso.com")).hasCode(550);
    }
  }

  @Test
  void a_failing_test_carries_the_transcript_in_its_failure() {
    List<Throwable> failures = failures(run(FailingTestCase.class, Map.of()));

    assertThat(failures).hasSize(1);
    Throwable failure = failures.get(0);
    assertThat(failure.getSuppressed()).hasSize(1);
    assertThat(failure.getSuppressed()[0].getMessage())
        .startsWith("SMTP transcript of the test's session:\n")
        .contains(" -> EHLO contoso.com")
        .contains(" -> MAIL FROM:<chris@contoso.com>")
        .contains("<-  250 OK");
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
  static class GreetingTestCase {
    @Test
    void greeting(SmtpSession smtp) {
      assertThat(smtp.greeting()).hasTextContaining("Microsoft ESMTP MAIL Service ready");
    }
  }

  @Test
  void configuration_parameters_override_the_annotation() {
    run(GreetingTestCase.class, Map.of("smtpunit.target", walkthroughTarget()))
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
    run(GreetingTestCase.class, Map.of()).testEvents().assertStatistics(s -> s.failed(1));
  }

  @Test
  void bad_configuration_values_fail_naming_the_key_and_the_value() {
    Map<String, String> cases =
        Map.of(
            "smtpunit.tls",
                "Invalid SmtpUnit configuration smtpunit.tls=[bogus]: expected one of none, starttls, starttls_if_offered, implicit",
            "smtpunit.target",
                "Invalid SmtpUnit configuration smtpunit.target=[localhost:70000]: expected a port from 1 to 65535",
            "smtpunit.timeout.reply",
                "Invalid SmtpUnit configuration smtpunit.timeout.reply=[soon]: expected a positive duration such as 20s, 500ms, 2m or PT20S");
    Map<String, String> values =
        Map.of(
            "smtpunit.tls",
            "bogus",
            "smtpunit.target",
            "localhost:70000",
            "smtpunit.timeout.reply",
            "soon");
    cases.forEach(
        (key, message) -> {
          List<Throwable> failures =
              failures(run(GreetingTestCase.class, Map.of(key, values.get(key))));
          assertThat(failures).as(key).hasSize(1);
          assertThat(failures.get(0))
              .as(key)
              .hasMessageStartingWith("Failed to resolve parameter [org.smtpunit.SmtpSession arg0]")
              .hasMessageEndingWith(": " + message);
        });
  }

  static int scriptedPort;

  @SmtpTarget("127.0.0.1:1")
  static class MethodWinsTestCase {
    @Test
    @SmtpTarget
    void embedded(SmtpSession smtp, EmbeddedMailServer server) {
      assertThat(smtp.remoteAddress().getPort()).isEqualTo(server.port());
    }
  }

  @Test
  void a_method_annotation_wins_over_the_class() {
    run(MethodWinsTestCase.class, Map.of()).testEvents().assertStatistics(s -> s.succeeded(1));
  }

  @SmtpTarget
  static class OuterTestCase {
    static EmbeddedMailServer outerServer;

    @BeforeAll
    static void remember() {}

    @Test
    void outer(EmbeddedMailServer server) {
      outerServer = server;
    }

    @Nested
    class Inner {
      @Test
      void inner(SmtpSession smtp, EmbeddedMailServer server) {
        assertThat(smtp.ehlo("contoso.com")).hasCode(250);
        assertThat(server).isSameAs(outerServer);
      }
    }
  }

  @Test
  void nested_classes_inherit_the_target_and_share_the_embedded_server() {
    run(OuterTestCase.class, Map.of()).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @SmtpTarget
  static class RecipientMatrixTestCase {
    @ParameterizedTest
    @CsvSource({"kate@fabrikam.com, 250", "nobody@fabrikam.com, 550", "KATE@fabrikam.com, 250"})
    void recipient(String address, int code, SmtpSession smtp) {
      smtp.ehlo("contoso.com");
      smtp.mailFrom("chris@contoso.com");
      assertThat(smtp.rcptTo(address, RcptParameter.notify(org.smtpunit.Notify.SUCCESS)))
          .hasCode(code);
    }
  }

  @Test
  void parameterized_recipients_each_get_their_own_session_and_transcript() throws IOException {
    EngineExecutionResults results =
        run(RecipientMatrixTestCase.class, Map.of("smtpunit.target", walkthroughTarget()));

    results.testEvents().assertStatistics(s -> s.succeeded(3));
    Path dir = transcripts.resolve(RecipientMatrixTestCase.class.getName());
    assertThat(dir.resolve("recipient-1.log"))
        .content()
        .contains(" -> RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS");
    assertThat(dir.resolve("recipient-2.log")).content().contains("<-  550 5.1.1 User unknown");
    assertThat(dir.resolve("recipient-3.log")).exists();
  }

  @SmtpTarget
  static class RepeatedTestCase {
    @RepeatedTest(2)
    void again(SmtpSession smtp) {
      assertThat(smtp.noop()).hasCode(250);
    }
  }

  @Test
  void repeated_tests_write_one_transcript_per_repetition_and_publish_it() {
    EngineExecutionResults results = run(RepeatedTestCase.class, Map.of());

    results.testEvents().assertStatistics(s -> s.succeeded(2));
    Path dir = transcripts.resolve(RepeatedTestCase.class.getName());
    assertThat(dir.resolve("again-1.log")).content().contains(" -> NOOP");
    assertThat(dir.resolve("again-2.log")).content().contains(" -> QUIT");
    List<Map<String, String>> entries =
        results.allEvents().reportingEntryPublished().stream()
            .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
            .toList();
    assertThat(entries)
        .anySatisfy(e -> assertThat(e.get("smtpunit.transcript")).contains(" -> NOOP"));
    assertThat(entries)
        .anySatisfy(e -> assertThat(e.get("smtpunit.transcript.file")).endsWith("again-2.log"));
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

  @Retention(RetentionPolicy.RUNTIME)
  @SmtpTarget(replyTimeout = "5s")
  @interface FabrikamInbound {}

  @FabrikamInbound
  static class ComposedTestCase {
    @Test
    void composed(SmtpSession smtp, SmtpClient client) {
      assertThat(smtp.greeting()).hasCode(220);
      assertThat(client.replyTimeout()).isEqualTo(Duration.ofSeconds(5));
    }
  }

  @Test
  void works_as_a_meta_annotation() {
    run(ComposedTestCase.class, Map.of()).testEvents().assertStatistics(s -> s.succeeded(1));
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
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (walkthrough.openConnections() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(walkthrough.openConnections()).isZero();
    assertThat(ParallelTestCase.threads).hasSizeGreaterThan(1);
  }

  @TempDir static Path certificates;
  static ScriptedSmtpServer secure;

  @SmtpTarget
  static class AuthTestCase {
    @Test
    void authenticates(SmtpSession smtp, Credentials credentials) {
      smtp.ehlo("contoso.com");
      assertThat(smtp.auth(AuthMechanism.LOGIN, credentials)).hasCode(235);
      assertThat(smtp.mailFrom("chris@contoso.com")).hasCode(530); // fails on purpose
    }
  }

  @Test
  void the_password_appears_in_no_transcript_report_or_failure() throws IOException {
    TestCertificates.Certificate certificate =
        TestCertificates.create(certificates, "ext", "ip:127.0.0.1", 0, 30);
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start(new SecureScript(certificate.serverContext()))) {
      EngineExecutionResults results =
          run(
              AuthTestCase.class,
              Map.of(
                  "smtpunit.target",
                  "127.0.0.1:" + server.port(),
                  "smtpunit.tls",
                  "starttls",
                  "smtpunit.tls.trust-any",
                  "true",
                  "smtpunit.auth.username",
                  SecureScript.USER,
                  "smtpunit.auth.password",
                  SecureScript.PASSWORD));

      List<Throwable> failures = failures(results);
      assertThat(failures).hasSize(1);
      String failureText = everything(failures.get(0));
      assertThat(failureText)
          .contains("to have code:")
          .contains(" -> AUTH LOGIN")
          .contains(" -> ****");
      String reports =
          results.allEvents().reportingEntryPublished().stream()
              .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().toString())
              .collect(Collectors.joining("\n"));
      String file =
          Files.readString(
              transcripts.resolve(AuthTestCase.class.getName()).resolve("authenticates.log"));
      String base64 =
          java.util.Base64.getEncoder()
              .encodeToString(
                  SecureScript.PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (String output : List.of(failureText, reports, file)) {
        assertThat(output)
            .contains("AUTH LOGIN")
            .doesNotContain(SecureScript.PASSWORD)
            .doesNotContain(base64);
      }
    }
  }

  @SmtpTarget
  static class ManyTransactionsTestCase {
    @Test
    void twoHundredTransactions(SmtpClient client, EmbeddedMailServer server) {
      for (int i = 0; i < 200; i++) {
        try (SmtpSession smtp = client.open(server.host(), server.port())) {
          smtp.ehlo("contoso.com");
          smtp.mailFrom("chris@contoso.com");
          smtp.rcptTo("kate@fabrikam.com");
          assertThat(smtp.send(MailMessage.raw("Subject: " + i + "\r\n\r\nThis is a test message")))
              .hasCode(250);
          smtp.quit();
        }
      }
      assertThat(server.noDelaySockets()).isGreaterThanOrEqualTo(200);
    }
  }

  @Test
  void the_embedded_server_answers_without_nagle_stalls() {
    // The benchmark measures the rate; this test proves the mechanism (TCP_NODELAY on every
    // accepted socket) and that 200 walkthrough transactions complete.
    run(ManyTransactionsTestCase.class, Map.of())
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
  }

  @SmtpTarget(mx = "fallback.test")
  static class MxTestCase {
    @Test
    void byMx(MxRecords mx, SmtpClient client) {
      assertThat(mx).hasExchangesInOrder("down.fallback.test", "up.fallback.test");
      try (SmtpSession smtp = client.open(mx, walkthrough.port())) {
        assertThat(smtp.remoteHost()).isEqualTo("up.fallback.test");
        assertThat(smtp.greeting()).hasCode(220);
      }
    }
  }

  @Test
  void mx_records_are_resolved_through_the_configured_dns_server_and_injected() throws Exception {
    try (TestDnsServer dns = new TestDnsServer()) {
      run(MxTestCase.class, Map.of("smtpunit.dns.server", "127.0.0.1:" + dns.port()))
          .testEvents()
          .assertStatistics(s -> s.succeeded(1));
      run(
              MxTestCase.class,
              Map.of(
                  "smtpunit.dns.server", "127.0.0.1:" + dns.port(), "smtpunit.mx", "nullmx.test"))
          .testEvents()
          .assertStatistics(s -> s.failed(1));
    }
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

  static FakeContainer mta;

  @SmtpTarget(container = "mta", containerPort = 25)
  static class ContainerTestCase {
    @Test
    void viaContainer(SmtpSession smtp) {
      assertThat(smtp.greeting()).hasTextContaining("Microsoft ESMTP");
    }
  }

  @Test
  void a_container_target_uses_its_host_and_mapped_port_and_starts_it() {
    // The adapter finds the static field in the fixture's enclosing class.
    mta = new FakeContainer(walkthrough.port());
    try {
      run(ContainerTestCase.class, Map.of()).testEvents().assertStatistics(s -> s.succeeded(1));
      assertThat(mta.started).isTrue();
      assertThat(mta.askedPort).isEqualTo(25);
    } finally {
      mta = null;
    }
  }
}
