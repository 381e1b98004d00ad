package org.smtpunit;

/**
 * No complete reply arrived within the reply timeout, or the server stopped reading while the
 * client wrote. The timeout is a deadline for the whole reply, so a server that drips one byte a
 * second still times out.
 *
 * <p>At {@link SmtpStage#CONTENT} the outcome is unknown: the server may have queued the message.
 * SmtpUnit never re-sends it.
 *
 * <pre>{@code
 * assertThatThrownBy(() -> smtp.noop()).isInstanceOf(SmtpTimeoutException.class);
 * }</pre>
 */
public class SmtpTimeoutException extends SmtpException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link SmtpException#SmtpException}. */
  public SmtpTimeoutException(
      String message, SmtpStage stage, Transcript transcript, Throwable cause) {
    super(message, stage, transcript, cause);
  }
}
