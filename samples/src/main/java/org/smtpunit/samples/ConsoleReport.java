package org.smtpunit.samples;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints each check as it ends ({@code PASS}, {@code FAIL} with the failure and transcript, {@code
 * SKIPPED} with the reason, and the time), then {@code N passed, N failed, N skipped}.
 */
final class ConsoleReport implements TestExecutionListener {

  private final PrintStream out;
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final Map<String, List<String>> transcripts = new ConcurrentHashMap<>();
  private final Map<String, String> timings = new ConcurrentHashMap<>();
  private final boolean showTimings;
  private TestPlan plan;
  private int passed;
  private int failed;
  private int skipped;

  ConsoleReport(PrintStream out) {
    this(out, false);
  }

  /** With {@code showTimings}, each check is followed by its stages' times ({@code --timings}). */
  ConsoleReport(PrintStream out, boolean showTimings) {
    this.out = out;
    this.showTimings = showTimings;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    this.plan = testPlan;
    out.println("SmtpUnit: the telnet SMTP walkthrough as checks");
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    started.put(test.getUniqueId(), System.nanoTime());
  }

  @Override
  public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
    String transcript = entry.getKeyValuePairs().get("smtpunit.transcript");
    if (transcript != null) {
      transcripts
          .computeIfAbsent(test.getUniqueId(), k -> new CopyOnWriteArrayList<>())
          .add(transcript);
    }
    String stages = entry.getKeyValuePairs().get("smtpunit.timings");
    if (stages != null) {
      timings.merge(test.getUniqueId(), stages, (a, b) -> a + "; " + b);
    }
  }

  @Override
  public synchronized void executionSkipped(TestIdentifier test, String reason) {
    if (test.isTest() || test.isContainer()) {
      skipped += test.isTest() ? 1 : 0;
      out.printf("SKIPPED %s: %s%n", name(test), reason);
    }
  }

  @Override
  public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (!test.isTest()) {
      if (result.getStatus() == TestExecutionResult.Status.FAILED) {
        failed++;
        out.printf(
            "FAIL    %s%n%s%n",
            name(test), indent(result.getThrowable().map(Throwable::toString).orElse("")));
      }
      return;
    }
    long millis =
        (System.nanoTime() - started.getOrDefault(test.getUniqueId(), System.nanoTime()))
            / 1_000_000;
    switch (result.getStatus()) {
      case SUCCESSFUL -> {
        passed++;
        out.printf("PASS    %s (%d ms)%n", name(test), millis);
      }
      case ABORTED -> {
        skipped++;
        out.printf(
            "SKIPPED %s (%d ms): %s%n",
            name(test), millis, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
      }
      case FAILED -> {
        failed++;
        out.printf("FAIL    %s (%d ms)%n", name(test), millis);
        String failure = result.getThrowable().map(ConsoleReport::describe).orElse("");
        out.println(indent(failure));
        // A failure whose message already holds its transcript prints it once, not twice.
        if (!failure.contains("Transcript:")) {
          List<String> sessions = transcripts.getOrDefault(test.getUniqueId(), List.of());
          for (int i = 0; i < sessions.size(); i++) {
            out.println(i == 0 ? "  Transcript:" : "  Transcript of session " + (i + 1) + ":");
            out.println(indent(indent(sessions.get(i).stripTrailing())));
          }
        }
      }
    }
    String stages = timings.get(test.getUniqueId());
    if (showTimings && stages != null) {
      out.println("  timings: " + stages);
    }
  }

  private static String describe(Throwable t) {
    String message = t.getMessage() == null ? t.toString() : t.getMessage().strip();
    return t.getClass().getSimpleName() + ": " + message;
  }

  /** {@code Class > method} or {@code Class > method > [invocation]}, without parameter types. */
  private String name(TestIdentifier test) {
    StringBuilder name = new StringBuilder(bare(test));
    for (var parent = plan == null ? Optional.<TestIdentifier>empty() : plan.getParent(test);
        parent.isPresent() && parent.get().getParentId().isPresent();
        parent = plan.getParent(parent.get())) {
      name.insert(0, bare(parent.get()) + " > ");
    }
    return name.toString();
  }

  private static String bare(TestIdentifier test) {
    return test.getDisplayName().replaceFirst("\\(.*\\)$", "");
  }

  private static String indent(String text) {
    return "  " + text.replace("\n", "\n  ");
  }

  int failed() {
    return failed;
  }

  /** The closing line: {@code N passed, N failed, N skipped}. */
  String summary() {
    return passed + " passed, " + failed + " failed, " + skipped + " skipped";
  }
}
