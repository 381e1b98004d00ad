package org.smtpunit;

/**
 * TLS could not be established or was unsafe: STARTTLS not offered or refused under {@link
 * TlsMode#STARTTLS}, a failed handshake (the message says which check failed: host name, expiry,
 * trust), or bytes injected before the handshake (CVE-2011-0411).
 *
 * <pre>{@code
 * assertThatThrownBy(() -> client.open(host, 25))
 *     .isInstanceOf(SmtpTlsException.class)
 *     .hasMessageContaining("does not match host name");
 * }</pre>
 */
public class SmtpTlsException extends SmtpException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link SmtpException#SmtpException}. */
  public SmtpTlsException(String message, SmtpStage stage, Transcript transcript, Throwable cause) {
    super(message, stage, transcript, cause);
  }
}
