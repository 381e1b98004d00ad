package org.smtpunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;
import static org.smtpunit.junit.ExtensionTestKit.everything;
import static org.smtpunit.junit.ExtensionTestKit.failureMessage;
import static org.smtpunit.junit.ExtensionTestKit.failures;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.dns.MxRecords;
import org.smtpunit.stub.Persona;
import org.smtpunit.stub.SmtpStub;
import org.smtpunit.testing.TestDnsServer;

/** Configuration: overrides that keep a suite's shape, named targets, values and their errors. */
class ConfigurationTest {

  private static SmtpStub walkthrough;
  @TempDir static Path transcripts;

  @BeforeAll
  static void start() {
    walkthrough = SmtpStub.start(Persona.EXCHANGE_2013);
  }

  @AfterAll
  static void stop() {
    walkthrough.close();
  }

  private static EngineExecutionResults run(Class<?> fixture, Map<String, String> config) {
    return ExtensionTestKit.run(fixture, transcripts, config);
  }

  // Port 1 (tcpmux) is closed on every machine we run on: a test that reaches it fails naming it.
  @SmtpTarget("hub.contoso.invalid:1")
  static class SubmissionPortTestCase {
    @Test
    void submission(SmtpSession smtp) {}
  }

  @SmtpTarget("mail1.fabrikam.invalid")
  static class Port25TestCase {
    @Test
    void inbound(SmtpSession smtp) {}
  }

  @SmtpTarget(mx = "fallback.test")
  static class ByMxTestCase {
    @Test
    void byMx(MxRecords mx) {
      assertThat(mx).hasExchangesInOrder("down.fallback.test", "up.fallback.test");
    }
  }

  @Test
  void a_target_override_without_a_port_replaces_only_the_host() {
    String message =
        failureMessage(
            run(
                SubmissionPortTestCase.class,
                Map.of(SmtpTarget.TARGET_PROPERTY_NAME, "127.0.0.1")));

    assertThat(message)
        .startsWith(
            "Could not open an SMTP session to 127.0.0.1:1 for submission(SmtpSession): Could not"
                + " open connection to 127.0.0.1 on port 1: connection refused");
  }

  @Test
  void a_target_override_with_a_port_moves_every_host_class_to_it() {
    Map<String, String> config = Map.of(SmtpTarget.TARGET_PROPERTY_NAME, target());

    run(SubmissionPortTestCase.class, config).testEvents().assertStatistics(s -> s.succeeded(1));
    run(Port25TestCase.class, config).testEvents().assertStatistics(s -> s.succeeded(1));
  }

  @Test
  void a_class_connecting_by_mx_ignores_the_target_override_and_follows_smtpunit_mx()
      throws Exception {
    try (TestDnsServer dns = new TestDnsServer()) {
      String server = "127.0.0.1:" + dns.port();
      run(
              ByMxTestCase.class,
              Map.of(
                  SmtpTarget.TARGET_PROPERTY_NAME,
                  "127.0.0.1:1",
                  SmtpTarget.DNS_SERVER_PROPERTY_NAME,
                  server))
          .testEvents()
          .assertStatistics(s -> s.succeeded(1));
      run(
              ByMxTestCase.class,
              Map.of(
                  SmtpTarget.MX_PROPERTY_NAME,
                  "nullmx.test",
                  SmtpTarget.DNS_SERVER_PROPERTY_NAME,
                  server))
          .testEvents()
          .assertStatistics(s -> s.failed(1));
    }
  }

  @SmtpTarget(value = "hub.contoso.invalid:1", name = "submission")
  static class NamedTestCase {
    @Test
    void named(SmtpSession smtp) {
      assertThat(smtp.greeting()).hasCode(220);
    }
  }

  @Test
  void a_named_target_follows_its_own_key_before_smtpunit_target() {
    run(
            NamedTestCase.class,
            Map.of(
                SmtpTarget.TARGET_PROPERTY_NAME,
                "127.0.0.1:1",
                SmtpTarget.NAMED_TARGET_PROPERTY_PREFIX + "submission",
                target()))
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
  }

  @SmtpTarget(value = "mail1.fabrikam.com", mx = "fabrikam.com")
  static class ValueAndMxTestCase {
    @Test
    void both(SmtpSession smtp) {}
  }

  @SmtpTarget(value = "mail1.fabrikam.com", container = "mta")
  static class ValueAndContainerTestCase {
    @Test
    void both(SmtpSession smtp) {}
  }

  @Test
  void value_together_with_mx_or_container_is_a_configuration_error_naming_both() {
    assertThat(failureMessage(run(ValueAndMxTestCase.class, Map.of())))
        .endsWith(
            ": @SmtpTarget names two targets: value = \"mail1.fabrikam.com\" and mx ="
                + " \"fabrikam.com\"; keep one of them");
    assertThat(failureMessage(run(ValueAndContainerTestCase.class, Map.of())))
        .endsWith(
            ": @SmtpTarget names two targets: value = \"mail1.fabrikam.com\" and container ="
                + " \"mta\"; keep one of them");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "127.0.0.1:25:26 | expected host, host:port or [IPv6]:port",
        "localhost:70000 | expected a port from 1 to 65535",
        "[::1 | expected an IPv6 address in brackets: [::1]:2525",
        "mail1.fabrikam.com: | expected a port from 1 to 65535"
      })
  void a_malformed_target_is_a_configuration_error_naming_the_key(String value, String expected) {
    assertThat(
            failureMessage(
                run(Port25TestCase.class, Map.of(SmtpTarget.TARGET_PROPERTY_NAME, value))))
        .endsWith(": Invalid SmtpUnit configuration smtpunit.target=[" + value + "]: " + expected);
  }

  @Test
  void bare_ipv6_addresses_and_bracketed_ports_parse() {
    assertThat(HostPort.parse("k", "::1", 25)).isEqualTo(new HostPort("::1", 25, false));
    assertThat(HostPort.parse("k", "fe80::1:2", 25))
        .isEqualTo(new HostPort("fe80::1:2", 25, false));
    assertThat(HostPort.parse("k", "[::1]:2525", 25)).isEqualTo(new HostPort("::1", 2525, true));
    assertThat(HostPort.parse("k", "mail1.fabrikam.com:587", 25))
        .isEqualTo(new HostPort("mail1.fabrikam.com", 587, true));
  }

  @ParameterizedTest
  @CsvSource({
    "1.5s, PT1.5S",
    "0.5m, PT30S",
    "500ms, PT0.5S",
    "2m, PT2M",
    "PT20S, PT20S",
    "20 s, PT20S",
    "0.25h, PT15M"
  })
  void durations_accept_decimals_units_and_iso_8601(String value, String expected) {
    assertThat(ConfigValues.duration(SmtpTarget.REPLY_TIMEOUT_PROPERTY_NAME, value))
        .isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({"0s", "0.0ms", "-1s", "1.5", "soon", "1,5s"})
  void durations_that_are_not_positive_or_not_durations_fail_naming_the_key(String value) {
    assertThatThrownBy(() -> ConfigValues.duration(SmtpTarget.REPLY_TIMEOUT_PROPERTY_NAME, value))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "Invalid SmtpUnit configuration smtpunit.timeout.reply=["
                + value
                + "]: expected a positive duration such as 20s, 500ms, 2m or PT20S");
  }

  @SmtpTarget
  static class NoTargetTestCase {
    @Test
    void inbound(SmtpSession smtp) {
      assertThat(smtp.greeting()).hasTextContaining("Microsoft ESMTP");
    }
  }

  @Test
  void a_class_without_target_follows_smtpunit_target() {
    run(NoTargetTestCase.class, Map.of(SmtpTarget.TARGET_PROPERTY_NAME, target()))
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
  }

  @Test
  void auth_sessions_without_credentials_fail_naming_the_keys() {
    String message =
        everything(
            failures(
                    run(
                        NoTargetTestCase.class,
                        Map.of(SmtpTarget.AUTH_SESSIONS_PROPERTY_NAME, "true")))
                .get(0));
    assertThat(message)
        .contains(
            "smtpunit.auth.sessions=true needs credentials: set smtpunit.auth.username and the"
                + " environment variable SMTPUNIT_AUTH_PASSWORD");
  }

  @Test
  void the_key_constants_are_the_documented_keys() {
    assertThat(
            Optional.of(
                String.join(
                    " ",
                    SmtpTarget.TARGET_PROPERTY_NAME,
                    SmtpTarget.MX_PROPERTY_NAME,
                    SmtpTarget.TLS_PROPERTY_NAME,
                    SmtpTarget.DNS_SERVER_PROPERTY_NAME,
                    SmtpTarget.TRANSCRIPTS_DIR_PROPERTY_NAME,
                    SmtpTarget.TLS_CERTIFICATE_PROPERTY_NAME,
                    SmtpTarget.TLS_TRUST_STORE_PROPERTY_NAME,
                    SmtpTarget.TLS_HOST_NAME_PROPERTY_NAME,
                    SmtpTarget.EHLO_PROPERTY_NAME)))
        .hasValue(
            "smtpunit.target smtpunit.mx smtpunit.tls smtpunit.dns.server smtpunit.transcripts.dir"
                + " smtpunit.tls.certificate smtpunit.tls.trust-store smtpunit.tls.host-name"
                + " smtpunit.ehlo");
  }

  private static String target() {
    return "127.0.0.1:" + walkthrough.port();
  }

  private static String walkthroughTarget() {
    return target();
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
