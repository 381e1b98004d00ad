package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Failure message of {@code TranscriptAssert.doesNotContain}; it does not print the transcript,
 * which holds the text that must not be shown.
 */
public final class ShouldNotContainText extends BasicErrorMessageFactory {

  private ShouldNotContainText(String format, Object... arguments) {
    super(format, arguments);
  }

  /**
   * Text found in a transcript: the line number and line count only, never the text, which may be a
   * secret.
   */
  public static ErrorMessageFactory shouldNotContainText(int lineNumber, int lineCount) {
    return new ShouldNotContainText(
        "%nExpecting transcript not to contain the given text,%nbut line %s of %s contains it (the text is not shown, it may be a secret)",
        lineNumber, lineCount);
  }
}
