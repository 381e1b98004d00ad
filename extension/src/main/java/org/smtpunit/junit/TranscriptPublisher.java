package org.smtpunit.junit;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.smtpunit.Transcript;

/**
 * Writes a test's transcripts, once, under {@code smtpunit.transcripts.dir} ({@code
 * <class>/<method>.log}, then {@code <method>.2.log}... for further sessions; {@code <method>-<n>}
 * for repeated and parameterized invocations) and publishes each as report entries, with each
 * stage's time ({@link StageTimings}).
 */
final class TranscriptPublisher {

  static final String FILE_KEY = "smtpunit.transcript.file";
  static final String TRANSCRIPT_KEY = "smtpunit.transcript";
  static final String ERROR_KEY = "smtpunit.transcript.error";
  static final String TIMINGS_KEY = "smtpunit.timings";
  private static final Pattern INVOCATION = Pattern.compile("#(\\d+)]$");

  private TranscriptPublisher() {}

  /**
   * Writes and publishes the transcripts; a failed test's files are also attached to its report
   * where the user's JUnit can attach files.
   */
  static void publish(
      ExtensionContext context, Path dir, List<Transcript> transcripts, boolean failed) {
    String name = baseName(context);
    for (int i = 0; i < transcripts.size(); i++) {
      Transcript transcript = transcripts.get(i);
      Path file =
          dir.resolve(context.getRequiredTestClass().getName())
              .resolve(name + (i == 0 ? "" : "." + (i + 1)) + ".log");
      try {
        transcript.writeTo(file);
        context.publishReportEntry(FILE_KEY, file.toString());
        if (failed) {
          TranscriptAttachment.attach(context, file);
        }
      } catch (UncheckedIOException e) {
        context.publishReportEntry(ERROR_KEY, "Could not write " + file + ": " + e.getMessage());
      }
      context.publishReportEntry(
          TRANSCRIPT_KEY, transcript.isEmpty() ? "(empty)" : transcript.toString());
      String timings = StageTimings.of(transcript);
      if (!timings.isEmpty()) {
        context.publishReportEntry(TIMINGS_KEY, timings);
      }
    }
  }

  private static String baseName(ExtensionContext context) {
    String name = context.getRequiredTestMethod().getName();
    Matcher invocation = INVOCATION.matcher(context.getUniqueId());
    if (invocation.find()) {
      name += "-" + invocation.group(1);
    }
    return name;
  }

  /** Carries a session's transcript into the failure output, as a suppressed exception. */
  static final class SessionTranscript extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SessionTranscript(int index, Transcript transcript) {
      super(
          "SMTP transcript of the test's "
              + (index == 0 ? "" : ordinal(index + 1) + " ")
              + "session:\n"
              + transcript,
          null,
          false,
          false);
    }

    private static String ordinal(int n) {
      return n + (n == 2 ? "nd" : n == 3 ? "rd" : "th");
    }
  }
}
