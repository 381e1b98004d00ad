package org.smtpunit;

/**
 * How much of the message a delivery status notification returns (RFC 3461 {@code RET}).
 *
 * <pre>{@code
 * smtp.mailFrom("chris@contoso.com", MailParameter.ret(Ret.HDRS));
 * }</pre>
 */
public enum Ret {
  /** The whole message. */
  FULL,
  /** Only the headers. */
  HDRS
}
