package org.smtpunit.stub;

import java.util.List;

/**
 * Answers each command with the reply it got in a {@link Recording}, in order; a command that
 * differs gets {@code 503 5.5.1} and is reported as a {@link Mismatch}.
 */
final class ReplayResponder implements Responder {

  static final String END = "(end of recording)";

  private final Recording recording;
  private final List<Mismatch> mismatches;

  ReplayResponder(Recording recording, List<Mismatch> mismatches) {
    this.recording = recording;
    this.mismatches = mismatches;
  }

  @Override
  public String greeting(Dialogue dialogue) {
    return recording.greeting();
  }

  @Override
  public boolean runsSasl() {
    return false;
  }

  @Override
  public String reply(SmtpVerb verb, String line, String argument, Dialogue dialogue) {
    return next(line, dialogue);
  }

  @Override
  public String afterContent(Dialogue dialogue, boolean tooBig) {
    return next(Recording.END_OF_CONTENT, dialogue);
  }

  private String next(String line, Dialogue dialogue) {
    int position = dialogue.replayPosition;
    List<Recording.Step> steps = recording.steps();
    if (position < steps.size() && steps.get(position).matches(line)) {
      dialogue.replayPosition++;
      return steps.get(position).reply();
    }
    String expected = position < steps.size() ? steps.get(position).command() : END;
    mismatches.add(new Mismatch(position, expected, line));
    if (position < steps.size()) {
      // The changed command takes the recorded one's place, so the rest stays in step.
      dialogue.replayPosition++;
    }
    return "503 5.5.1 Not in the recording: expected [" + expected + "]";
  }
}
