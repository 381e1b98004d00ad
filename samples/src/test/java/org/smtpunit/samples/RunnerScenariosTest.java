package org.smtpunit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpunit.stub.Fault;
import org.smtpunit.stub.SmtpStub;
import org.smtpunit.stub.SmtpVerb;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testing.TestCertificates;

/** The runner against servers whose replies differ from Postfix's, silent ones, and secrets. */
class RunnerScenariosTest {

  @TempDir static Path certificates;
  @TempDir Path dir;
  private static TestCertificates.Certificate certificate;

  private static final String AUTH_CHECK =
      "Step4ReplyCodesTest >"
          + " an_anonymous_sender_is_refused_where_authentication_is_required_then_accepted_after_auth";

  @BeforeAll
  static void certificate() {
    certificate = TestCertificates.create(certificates, "mta", "ip:127.0.0.1", 0, 30);
  }

  private RunnerUsageTest.Result runAuthenticated(ScriptedSmtpServer server) {
    return RunnerUsageTest.run(
        Map.of("SMTPUNIT_AUTH_PASSWORD", OtherMtaScript.PASSWORD),
        "--target",
        "127.0.0.1:" + server.port(),
        "--tls",
        "starttls",
        "--trust-cert",
        certificate.pem().toString(),
        "--auth-user",
        OtherMtaScript.USER,
        "--transcripts",
        dir.resolve("transcripts").toString(),
        "--reports",
        dir.resolve("reports").toString(),
        "--config",
        "junit.platform.reporting.open.xml.enabled=true",
        "--config",
        "junit.platform.reporting.output.dir=" + dir.resolve("open-test-reporting"));
  }

  @Test
  void a_conformant_server_with_other_replies_passes_every_check() {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start(new OtherMtaScript(certificate.serverContext(), null))) {
      RunnerUsageTest.Result result =
          RunnerUsageTest.run(
              Map.of(),
              "--target",
              "127.0.0.1:" + server.port(),
              "--tls",
              "starttls",
              "--trust-cert",
              certificate.pem().toString(),
              "--transcripts",
              dir.toString());

      assertThat(result.status()).as(result.out()).isZero();
      assertThat(result.out())
          .contains("PASS    Step3ConversationTest > the_walkthrough_conversation_succeeds")
          .contains(
              "PASS    Step4ReplyCodesTest > an_invalid_sender_address_is_rejected_with_5_1_7")
          .contains("PASS    Step4ReplyCodesTest > an_unknown_user_is_rejected_with_550_5_1_1")
          .contains("PASS    Step4ReplyCodesTest > an_unknown_command_is_rejected_with_500");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "530 5.7.0 Authentication required",
        "530 5.5.1 Invalid command: Must issue an AUTH command first",
        "550 authentication required"
      })
  void a_refusal_about_authentication_passes_the_auth_check_on_the_target_itself(String refusal) {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start(new OtherMtaScript(certificate.serverContext(), refusal))) {
      RunnerUsageTest.Result result = runAuthenticated(server);

      assertThat(result.out()).contains("PASS    " + AUTH_CHECK);
      assertThat(result.status()).as(result.out()).isZero();
    }
  }

  @Test
  void a_refusal_asking_for_starttls_fails_the_auth_check_with_that_reason() {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start(
            new OtherMtaScript(
                certificate.serverContext(), "530 5.7.0 Must issue a STARTTLS command first"))) {
      RunnerUsageTest.Result result = runAuthenticated(server);

      assertThat(result.status()).isEqualTo(1);
      assertThat(result.out())
          .contains("FAIL    " + AUTH_CHECK)
          .contains(
              "the refusal asks for TLS, not for authentication [530 5.7.0 Must issue a STARTTLS"
                  + " command first]");
    }
  }

  @Test
  void no_output_file_or_stream_holds_the_password() throws IOException {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start(
            new OtherMtaScript(certificate.serverContext(), "530 5.7.0 Authentication required"))) {
      RunnerUsageTest.Result result = runAuthenticated(server);

      assertThat(result.status()).as(result.out()).isZero();
      String plain = "\0" + OtherMtaScript.USER + "\0" + OtherMtaScript.PASSWORD;
      List<String> secrets =
          List.of(
              OtherMtaScript.PASSWORD,
              Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)),
              Base64.getEncoder()
                  .encodeToString(OtherMtaScript.PASSWORD.getBytes(StandardCharsets.UTF_8)));
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir)) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      assertThat(files).anyMatch(f -> f.toString().endsWith(".xml"));
      assertThat(files).anyMatch(f -> f.toString().contains("open-test-reporting"));
      assertThat(files).anyMatch(f -> f.toString().endsWith(".log"));
      for (Path file : files) {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertThat(secrets).as("%s", file).noneMatch(text::contains);
      }
      assertThat(secrets).noneMatch(result.out()::contains).noneMatch(result.err()::contains);
    }
  }

  @Test
  void a_silent_server_costs_one_timeout_and_later_checks_fail_at_once_saying_so() {
    try (SmtpStub silent = SmtpStub.start()) {
      silent.on(SmtpVerb.CONNECT).fault(Fault.stall());
      RunnerUsageTest.Result result =
          RunnerUsageTest.run(
              Map.of(),
              "--target",
              "127.0.0.1:" + silent.port(),
              "--timeout",
              "1s",
              "--transcripts",
              dir.toString());

      assertThat(result.status()).isEqualTo(1);
      assertThat(result.out())
          .contains(
              "Not connecting to 127.0.0.1:"
                  + silent.port()
                  + " for an_unknown_user_is_rejected_with_550_5_1_1(SmtpSession, Walkthrough): it"
                  + " did not answer within 1 s earlier in this run");
      assertThat(silent.connections()).isEqualTo(1);
    }
  }
}
