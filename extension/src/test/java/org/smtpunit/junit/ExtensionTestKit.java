package org.smtpunit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs fixture classes through the EngineTestKit and reads their failures and report entries. */
final class ExtensionTestKit {

  private ExtensionTestKit() {}

  static EngineExecutionResults run(
      Class<?> fixture, Path transcripts, Map<String, String> config) {
    EngineTestKit.Builder kit =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture));
    kit.configurationParameter(SmtpTarget.TRANSCRIPTS_DIR_PROPERTY_NAME, transcripts.toString());
    config.forEach(kit::configurationParameter);
    return kit.execute();
  }

  static List<Throwable> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow())
        .map(r -> r.getThrowable().orElseThrow())
        .toList();
  }

  /** The only failure's message. */
  static String failureMessage(EngineExecutionResults results) {
    List<Throwable> failures = failures(results);
    if (failures.size() != 1) {
      throw new AssertionError("Expected one failure, got " + failures);
    }
    return failures.get(0).getMessage();
  }

  /** A failure's message with those of its suppressed exceptions and causes. */
  static String everything(Throwable t) {
    StringBuilder out = new StringBuilder(String.valueOf(t.getMessage()));
    for (Throwable s : t.getSuppressed()) {
      out.append('\n').append(s.getMessage());
    }
    for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
      out.append('\n').append(c.getMessage());
    }
    return out.toString();
  }

  static String reportEntries(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().toString())
        .collect(Collectors.joining("\n"));
  }
}
