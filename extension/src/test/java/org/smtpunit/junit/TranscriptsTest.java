package org.smtpunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;
import static org.smtpunit.junit.ExtensionTestKit.failures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.testserver.ScriptedSmtpServer;
import org.smtpunit.testserver.WalkthroughScript;

/** Every session has its transcript, written once, attached on failure. */
class TranscriptsTest {

  private static ScriptedSmtpServer walkthrough;
  @TempDir Path transcripts;

  @BeforeAll
  static void start() {
    walkthrough = ScriptedSmtpServer.start(new WalkthroughScript());
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
}
