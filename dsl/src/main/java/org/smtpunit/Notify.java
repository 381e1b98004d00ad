package org.smtpunit;

/**
 * When the server should send a delivery status notification (RFC 3461 {@code NOTIFY}), as in the
 * walkthrough's {@code RCPT TO:kate@fabrikam.com NOTIFY=success,failure}.
 *
 * <pre>{@code
 * smtp.rcptTo("kate@fabrikam.com", RcptParameter.notify(Notify.SUCCESS, Notify.FAILURE));
 * }</pre>
 */
public enum Notify {
  /** Notify on successful delivery. */
  SUCCESS,
  /** Notify on failed delivery. */
  FAILURE,
  /** Notify when delivery is delayed. */
  DELAY,
  /** Never notify; must stand alone. */
  NEVER
}
