package org.smtpunit;

/**
 * How a session uses TLS.
 *
 * <pre>{@code
 * SmtpClient client = SmtpClient.builder().tls(TlsMode.STARTTLS).build();
 * try (SmtpSession smtp = client.open("mail1.fabrikam.com", 25)) {
 *   smtp.tls();                     // Optional[TLSv1.3 ...]: already encrypted
 *   smtp.ehlo("contoso.com");       // the post-TLS EHLO
 * }
 * }</pre>
 */
public enum TlsMode {
  /** Plain text; a test may still call {@link SmtpSession#startTls()} itself. */
  NONE,
  /**
   * EHLO, then STARTTLS (RFC 3207) before {@code open} returns; fails with {@link SmtpTlsException}
   * when STARTTLS is not advertised or is refused.
   */
  STARTTLS,
  /** As {@link #STARTTLS} when the server offers it, plain text otherwise (as MTAs do). */
  STARTTLS_IF_OFFERED,
  /** TLS from the first byte (RFC 8314), usually port 465. */
  IMPLICIT
}
