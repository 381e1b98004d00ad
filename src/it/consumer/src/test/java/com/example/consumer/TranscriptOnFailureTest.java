package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.smtpunit.SmtpSession;
import org.smtpunit.assertions.SmtpAssertions;
import org.smtpunit.junit.SmtpTarget;

/**
 * A test that fails on purpose is run through the user's JUnit engine, and what the user would see
 * is checked from outside: the failure carries the session's transcript, the transcript is
 * published as a report entry and written to the transcripts directory.
 */
class TranscriptOnFailureTest {

  @Test
  void a_failing_test_shows_its_transcript(@TempDir Path transcripts) throws Exception {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(FailsOnPurposeTestCase.class))
            .configurationParameter("smtpunit.transcripts.dir", transcripts.toString())
            .execute();

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1).succeeded(0));
    Throwable failure =
        results.testEvents().failed().stream()
            .findFirst()
            .flatMap(e -> e.getPayload(TestExecutionResult.class))
            .flatMap(TestExecutionResult::getThrowable)
            .orElseThrow();
    assertThat(failure).isInstanceOf(AssertionError.class);
    assertThat(Arrays.stream(failure.getSuppressed()).map(Throwable::getMessage))
        .anySatisfy(
            message ->
                assertThat(message)
                    .startsWith("SMTP transcript of the test's session:")
                    .contains("EHLO contoso.com", "MAIL FROM:<chris@contoso.com>"));

    List<String> published =
        results.allEvents().reportingEntryPublished().stream()
            .map(Event::getPayload)
            .flatMap(p -> p.map(ReportEntry.class::cast).stream())
            .flatMap(entry -> entry.getKeyValuePairs().entrySet().stream())
            .filter(pair -> pair.getKey().equals("smtpunit.transcript"))
            .map(pair -> pair.getValue())
            .collect(Collectors.toList());
    assertThat(published).singleElement().asString().contains("EHLO contoso.com");

    Path file =
        transcripts
            .resolve(FailsOnPurposeTestCase.class.getName())
            .resolve("expects_a_rejection_that_never_comes.log");
    assertThat(Files.readString(file)).contains("EHLO contoso.com", "QUIT");
  }

  @SmtpTarget
  static class FailsOnPurposeTestCase {

    @Test
    void expects_a_rejection_that_never_comes(SmtpSession smtp) {
      SmtpAssertions.assertThat(smtp.ehlo("contoso.com")).isSuccess();
      SmtpAssertions.assertThat(smtp.mailFrom("chris@contoso.com")).hasCode(550);
    }
  }
}
