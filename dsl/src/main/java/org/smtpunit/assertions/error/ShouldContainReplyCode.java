package org.smtpunit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.Transcript;

/** Failure message of {@code TranscriptAssert.containsReplyCode}. */
public final class ShouldContainReplyCode extends BasicErrorMessageFactory {

  private ShouldContainReplyCode(String format, Object... arguments) {
    super(format, arguments);
  }

  /** A reply code never received: the whole transcript and the code looked for. */
  public static ErrorMessageFactory shouldContainReplyCode(Transcript actual, int code) {
    return new ShouldContainReplyCode(
        "%nExpecting transcript:%n  %s%nto contain a reply with code:%n  %s",
        Text.of(actual.toString().stripTrailing()), code);
  }
}
