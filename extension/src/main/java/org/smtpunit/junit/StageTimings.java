package org.smtpunit.junit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.smtpunit.Transcript;
import org.smtpunit.TranscriptEntry;
import org.smtpunit.TranscriptEntry.Direction;

/**
 * How long each stage of a session took, read from its transcript (every reply's last line carries
 * its elapsed time): {@code greeting 12 ms, EHLO 3 ms, MAIL FROM 2 ms, end of data 40 ms}. The
 * extension publishes it as the report entry {@code smtpunit.timings}; the runner prints it with
 * {@code --timings}.
 */
final class StageTimings {

  private StageTimings() {}

  static String of(Transcript transcript) {
    StringBuilder out = new StringBuilder();
    // Commands waiting for their reply, in order: more than one when pipelined.
    Deque<String> pending = new ArrayDeque<>();
    boolean content = false;
    boolean greeted = false;
    for (TranscriptEntry entry : transcript.entries()) {
      if (entry.direction() == Direction.SENT) {
        if (content) {
          // Message lines after a 354 are not commands; the lone dot ends them.
          if (entry.line().equals(".")) {
            pending.add("end of data");
            content = false;
          }
        } else {
          pending.add(stage(entry.line()));
        }
      } else if (entry.direction() == Direction.RECEIVED && entry.elapsed().isPresent()) {
        String stage = !greeted ? "greeting" : pending.isEmpty() ? "reply" : pending.poll();
        greeted = true;
        content = stage.equals("DATA") && entry.line().startsWith("354");
        if (out.length() > 0) {
          out.append(", ");
        }
        out.append(stage).append(' ').append(entry.elapsed().get().toMillis()).append(" ms");
      }
    }
    return out.toString();
  }

  /** The command's verb as the walkthrough names it: {@code MAIL FROM}, {@code RCPT TO}, ... */
  private static String stage(String line) {
    String upper = line.toUpperCase(Locale.ROOT);
    if (upper.startsWith("MAIL FROM")) {
      return "MAIL FROM";
    }
    if (upper.startsWith("RCPT TO")) {
      return "RCPT TO";
    }
    if (line.equals("****")) {
      return "AUTH";
    }
    int space = line.indexOf(' ');
    return space < 0 ? line : line.substring(0, space);
  }
}
