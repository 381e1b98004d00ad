package org.smtpunit.dns;

import java.util.Objects;
import org.smtpunit.SmtpException;
import org.smtpunit.SmtpStage;
import org.smtpunit.Transcript;

/**
 * A DNS lookup failed: the name does not exist, the server failed or refused, or no answer came in
 * time. The message names the domain, the record type, the server asked and the timeout.
 *
 * <pre>{@code
 * DnsLookupException e = catchThrowableOfType(DnsLookupException.class, () -> dns.mx("nowhere.test"));
 * assertThat(e.reason()).isEqualTo(DnsLookupException.Reason.NXDOMAIN);
 * }</pre>
 */
public class DnsLookupException extends SmtpException {

  private static final long serialVersionUID = 1L;

  /** Why the lookup failed. */
  public enum Reason {
    /** The name does not exist (RCODE 3). */
    NXDOMAIN,
    /** The server could not answer (RCODE 2). */
    SERVFAIL,
    /** The server refused to answer (RCODE 5). */
    REFUSED,
    /** No answer within the timeout. */
    TIMEOUT,
    /** The name exists but has no record of the type asked for. */
    NO_DATA,
    /** The server answered with another error code, or the answer could not be read. */
    BAD_RESPONSE,
    /** The query could not be sent or the connection failed. */
    NETWORK
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param reason why the lookup failed
   * @param cause the underlying exception, or {@code null}
   */
  public DnsLookupException(String message, Reason reason, Throwable cause) {
    super(message, SmtpStage.DNS, Transcript.empty(), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns why the lookup failed. */
  public Reason reason() {
    return reason;
  }
}
