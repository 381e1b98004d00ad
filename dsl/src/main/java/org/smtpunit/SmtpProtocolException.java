package org.smtpunit;

import java.util.Objects;

/**
 * The server sent something that is not an RFC 5321 reply: a line without a valid code, mixed codes
 * inside one multi-line reply, a line over the length limit, an endless multi-line reply. The
 * message quotes the offending line.
 *
 * <pre>{@code
 * SmtpProtocolException e = catchThrowableOfType(SmtpProtocolException.class, smtp::noop);
 * assertThat(e.offendingLine()).isEqualTo("250Ok");
 * }</pre>
 */
public class SmtpProtocolException extends SmtpException {

  private static final long serialVersionUID = 1L;

  private final String offendingLine;

  /**
   * Creates the exception.
   *
   * @param message what was wrong, quoting the line
   * @param offendingLine the line as received (possibly cut to a readable length)
   * @param stage the conversation step
   * @param transcript the transcript so far
   */
  public SmtpProtocolException(
      String message, String offendingLine, SmtpStage stage, Transcript transcript) {
    super(message, stage, transcript, null);
    this.offendingLine = Objects.requireNonNull(offendingLine, "offendingLine");
  }

  /** Returns the line that broke the reply syntax. */
  public String offendingLine() {
    return offendingLine;
  }
}
