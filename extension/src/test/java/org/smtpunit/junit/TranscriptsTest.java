package org.smtpunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;
import static org.smtpunit.junit.ExtensionTestKit.everything;
import static org.smtpunit.junit.ExtensionTestKit.failures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.smtpunit.AuthMechanism;
import org.smtpunit.Credentials;
import org.smtpunit.RcptParameter;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.stub.Persona;
import org.smtpunit.stub.SmtpStub;

/** Every session has its transcript, written once, attached on failure. */
class TranscriptsTest {

  private static final String USER = "chris@contoso.com";
  private static final String PASSWORD = "S3cret-Pa55!";
  private static SmtpStub walkthrough;
  @TempDir Path transcripts;

  @BeforeAll
  static void start() {
    walkthrough = SmtpStub.start(Persona.EXCHANGE_2013);
  }

  @AfterAll
  static void stop() {
    walkthrough.close();
  }

  private EngineExecutionResults run(Class<?> fixture) {
    return ExtensionTestKit.run(
        fixture,
        transcripts,
        Map.of(SmtpTarget.TARGET_PROPERTY_NAME, "127.0.0.1:" + walkthrough.port()));
  }

  static SmtpSession leftOpen;

  @SmtpTarget
  static class ClientSessionsTestCase {
    @Test
    void sessions(SmtpSession smtp, SmtpClient client) {
      smtp.ehlo("injected.contoso.com");
      try (SmtpSession second = client.open("127.0.0.1", smtp.remoteAddress().getPort())) {
        second.ehlo("second.contoso.com");
      }
      leftOpen = client.open("127.0.0.1", smtp.remoteAddress().getPort());
      leftOpen.ehlo("third.contoso.com");
      assertThat(leftOpen.mailFrom("chris@contoso.com")).hasCode(550); // fails on purpose
    }
  }

  @Test
  void sessions_opened_from_the_injected_client_are_recorded_attached_and_closed()
      throws IOException {
    EngineExecutionResults results = run(ClientSessionsTestCase.class);

    Path dir = transcripts.resolve(ClientSessionsTestCase.class.getName());
    assertThat(dir.resolve("sessions.log")).content().contains(" -> EHLO injected.contoso.com");
    assertThat(dir.resolve("sessions.2.log")).content().contains(" -> EHLO second.contoso.com");
    assertThat(dir.resolve("sessions.3.log"))
        .content()
        .contains(" -> EHLO third.contoso.com")
        .contains(" -> QUIT");
    assertThat(leftOpen.isOpen()).isFalse();
    List<Throwable> failures = failures(results);
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).getSuppressed())
        .extracting(Throwable::getMessage)
        .satisfiesExactly(
            first ->
                assertThat(first)
                    .startsWith("SMTP transcript of the test's session:\n")
                    .contains("EHLO injected.contoso.com"),
            second ->
                assertThat(second)
                    .startsWith("SMTP transcript of the test's 2nd session:\n")
                    .contains("EHLO second.contoso.com"),
            third ->
                assertThat(third)
                    .startsWith("SMTP transcript of the test's 3rd session:\n")
                    .contains("EHLO third.contoso.com"));
  }

  @SmtpTarget
  static class OnlyClientTestCase {
    @Test
    void own(SmtpClient client) {
      try (SmtpSession smtp = client.open("127.0.0.1", walkthrough.port())) {
        smtp.ehlo("own.contoso.com");
      }
    }
  }

  @Test
  void a_test_s_first_own_session_is_its_method_log_and_files_are_written_once()
      throws IOException {
    run(OnlyClientTestCase.class).testEvents().assertStatistics(s -> s.succeeded(1));

    try (Stream<Path> files = Files.walk(transcripts)) {
      assertThat(files.filter(Files::isRegularFile).map(transcripts::relativize).toList())
          .containsExactly(Path.of(OnlyClientTestCase.class.getName(), "own.log"));
    }
    assertThat(transcripts.resolve(OnlyClientTestCase.class.getName()).resolve("own.log"))
        .content()
        .contains(" -> EHLO own.contoso.com");
  }

  private EngineExecutionResults run(Class<?> fixture, Map<String, String> config) {
    return ExtensionTestKit.run(fixture, transcripts, config);
  }

  private static String walkthroughTarget() {
    return "127.0.0.1:" + walkthrough.port();
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
    try (SmtpStub server = SmtpStub.start(Persona.EXCHANGE_2013)) {
      server.requireAuthentication().addUser(USER, PASSWORD);
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
                  USER,
                  "smtpunit.auth.password",
                  PASSWORD));

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
              .encodeToString(PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (String output : List.of(failureText, reports, file)) {
        assertThat(output).contains("AUTH LOGIN").doesNotContain(PASSWORD).doesNotContain(base64);
      }
    }
  }
}
