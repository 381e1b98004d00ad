package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.Transcript;

/** Failure message of {@code TranscriptAssert.containsCommand}. */
public final class ShouldContainCommand extends BasicErrorMessageFactory {

  private ShouldContainCommand(String format, Object... arguments) {
    super(format, arguments);
  }

  /** A command never sent: the whole transcript and the command line looked for. */
  public static ErrorMessageFactory shouldContainCommand(Transcript actual, String command) {
    return new ShouldContainCommand(
        "%nExpecting transcript:%n  %s%nto contain the command:%n  %s",
        Text.of(actual.toString().stripTrailing()), Text.of(command));
  }
}
