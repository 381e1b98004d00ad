package org.smtpunit;

/**
 * The client refused to do something unsafe, before sending anything: AUTH over a connection that
 * is not encrypted, unless the client was built with {@code allowPlaintextAuth(true)}.
 *
 * <pre>{@code
 * assertThatThrownBy(() -> smtp.auth(AuthMechanism.LOGIN, credentials))
 *     .isInstanceOf(SmtpSecurityException.class);
 * }</pre>
 */
public class SmtpSecurityException extends SmtpException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link SmtpException#SmtpException}. */
  public SmtpSecurityException(String message, SmtpStage stage, Transcript transcript) {
    super(message, stage, transcript, null);
  }
}
