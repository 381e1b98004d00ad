package org.smtpunit;

/**
 * The server closed the connection before or inside a reply, or the test used a session the server
 * had already closed (after a {@code 421} or {@code 221}). The transcript shows what arrived before
 * the close, including any partial reply.
 *
 * <pre>{@code
 * assertThatThrownBy(() -> smtp.noop()).isInstanceOf(SmtpConnectionClosedException.class);
 * }</pre>
 */
public class SmtpConnectionClosedException extends SmtpException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link SmtpException#SmtpException}. */
  public SmtpConnectionClosedException(
      String message, SmtpStage stage, Transcript transcript, Throwable cause) {
    super(message, stage, transcript, cause);
  }
}
