package org.smtpunit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpunit.testserver.ScriptedSmtpServer;
import org.smtpunit.testserver.WalkthroughScript;

/** The runner end to end: the sample suite through the JUnit Platform Launcher. */
class SmtpUnitRunnerTest {

  @TempDir Path dir;

  private record Result(int status, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        SmtpUnitRunner.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void passes_on_the_embedded_default_and_writes_junit_xml() {
    Result result =
        run(
            "--transcripts",
            dir.resolve("t").toString(),
            "--reports",
            dir.resolve("xml").toString());

    assertThat(result.status()).as(result.out()).isZero();
    assertThat(result.out())
        .contains(
            "PASS    Step3ConversationTest > the_walkthrough_conversation_succeeds_step_by_step (")
        .contains("SKIPPED Step4ReplyCodesTest > an_unknown_user_is_rejected_with_550_5_1_1 (")
        .contains("the server accepts every recipient")
        .containsPattern("(?m)^5 passed, 0 failed, 7 skipped$");
    assertThat(dir.resolve("xml").toFile().list()).anyMatch(name -> name.endsWith(".xml"));
    assertThat(
            dir.resolve("t")
                .resolve(Step3ConversationTest.class.getName())
                .resolve("the_walkthrough_conversation_succeeds_step_by_step.log"))
        .content()
        .contains(" -> EHLO contoso.com");
  }

  @Test
  void exits_1_with_a_readable_failure_against_a_server_that_rejects_kate() {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start(new WalkthroughScript().withMailboxes())) {
      Result result =
          run(
              "--target",
              "127.0.0.1:" + server.port(),
              "--from",
              "chris@contoso.com",
              "--to",
              "kate@fabrikam.com",
              "--transcripts",
              dir.toString());

      assertThat(result.status()).isEqualTo(1);
      assertThat(result.out())
          .contains(
              "FAIL    Step3ConversationTest > the_walkthrough_conversation_succeeds_step_by_step (")
          .contains("Expecting reply:")
          .contains("550 5.1.1 User unknown")
          .contains("to have code:")
          .contains(" -> RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE")
          .containsPattern("(?m)^\\d+ passed, [1-9]\\d* failed, \\d+ skipped$");
      assertThat(result.out())
          .contains("PASS    Step4ReplyCodesTest > an_unknown_user_is_rejected_with_550_5_1_1");
    }
  }

  @Test
  void bad_usage_exits_2_with_a_message_and_no_stack_trace() {
    Result result = run("--no-such-option");

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("smtpunit: Unknown option: '--no-such-option'")
        .contains("Usage: smtpunit");
    assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void timings_prints_each_stages_time_under_its_check() {
    Result result = run("--transcripts", dir.resolve("t").toString(), "--timings");

    assertThat(result.status()).as(result.out()).isZero();
    assertThat(result.out())
        .containsPattern(
            "PASS    Step3ConversationTest > the_walkthrough_conversation_succeeds_step_by_step"
                + " \\(\\d+ ms\\)\\R  timings: greeting \\d+ ms, EHLO \\d+ ms, MAIL FROM \\d+ ms,"
                + " RCPT TO \\d+ ms, DATA \\d+ ms, end of data \\d+ ms, QUIT \\d+ ms");
    assertThat(run("--transcripts", dir.resolve("u").toString()).out()).doesNotContain("timings:");
  }

  @Test
  void help_lists_every_option() {
    Result result = run("--help");

    assertThat(result.status()).isZero();
    assertThat(result.out())
        .contains("--target")
        .contains("--from")
        .contains("--to")
        .contains("--mx")
        .contains("--tls")
        .contains("--auth-user")
        .contains("--dns-server")
        .contains("--transcripts")
        .contains("--reports")
        .contains("--timings")
        .contains("SMTPUNIT_AUTH_PASSWORD");
  }
}
