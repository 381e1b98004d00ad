package org.smtpunit.samples;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.smtpunit.junit.SmtpTarget;

/**
 * One run of a suite through the JUnit Platform Launcher, once {@link SmtpUnitRunner} has checked
 * the configuration: each check printed as it ends ({@link ConsoleReport}), JUnit XML reports when
 * asked for, then the summary and where the transcripts went.
 *
 * <pre>{@code
 * int status = SuiteRun.execute(out, List.of(Step3ConversationTest.class), parameters, false, null);
 * }</pre>
 */
final class SuiteRun {

  private SuiteRun() {}

  /**
   * Runs the classes with the configuration parameters; transcripts go to a new temporary directory
   * unless the parameters name one.
   *
   * @param reports where to write JUnit XML reports, or {@code null} for none
   * @return the exit status: 1 when a check failed, else 0 (skips allowed)
   * @throws UncheckedIOException when the temporary directory for the transcripts cannot be made
   */
  static int execute(
      PrintStream out,
      List<Class<?>> classes,
      Map<String, String> configuration,
      boolean timings,
      Path reports) {
    Map<String, String> parameters = new LinkedHashMap<>(configuration);
    Path transcriptsDir =
        Path.of(
            parameters.computeIfAbsent(
                SmtpTarget.TRANSCRIPTS_DIR_PROPERTY_NAME, k -> temporaryDirectory()));
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(classes.stream().map(c -> selectClass(c)).toList())
            .configurationParameters(parameters)
            .build();
    ConsoleReport report = new ConsoleReport(out, timings);
    Launcher launcher = LauncherFactory.create();
    if (reports != null) {
      TestExecutionListener xml =
          new LegacyXmlReportGeneratingListener(reports, new PrintWriter(out, true));
      launcher.execute(request, report, xml);
    } else {
      launcher.execute(request, report);
    }
    out.println(report.summary());
    out.println("Transcripts: " + transcriptsDir.toAbsolutePath());
    if (reports != null) {
      out.println("JUnit XML reports: " + reports.toAbsolutePath());
    }
    return report.failed() > 0 ? 1 : 0;
  }

  private static String temporaryDirectory() {
    try {
      return Files.createTempDirectory("smtpunit-transcripts-").toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a directory for the transcripts", e);
    }
  }
}
