package org.smtpunit.checks;

import java.util.Objects;
import java.util.Optional;
import org.smtpunit.EhloReply;
import org.smtpunit.SmtpReply;
import org.smtpunit.TlsInfo;
import org.smtpunit.Transcript;

/**
 * A server's STARTTLS policy (RFC 3207): whether it offers STARTTLS, whether it refuses mail and
 * AUTH before it, and what TLS negotiated: the outcome of {@link MailServerChecks#startTls()}.
 *
 * <pre>{@code
 * StartTlsCheck tls = checks.startTls();
 * assertThat(tls).isOffered().isRequired();
 * }</pre>
 *
 * @param offered whether the plain-text EHLO advertised STARTTLS
 * @param requiredBeforeMail whether {@code MAIL FROM:<>} in plain text got a 5xx (e.g. {@code 530
 *     5.7.0 Must issue a STARTTLS command first})
 * @param requiredBeforeAuth whether the plain-text EHLO did not advertise AUTH
 * @param ehloBeforeTls the plain-text EHLO reply, empty when the conversation broke before it
 * @param mailBeforeTls the reply to {@code MAIL FROM:<>} in plain text
 * @param tls what TLS negotiated, empty when STARTTLS was not offered or failed
 * @param inconclusive whether the check could not decide
 * @param reason what the outcome rests on, including why a handshake failed
 * @param transcript the conversation
 */
public record StartTlsCheck(
    boolean offered,
    boolean requiredBeforeMail,
    boolean requiredBeforeAuth,
    Optional<EhloReply> ehloBeforeTls,
    Optional<SmtpReply> mailBeforeTls,
    Optional<TlsInfo> tls,
    boolean inconclusive,
    String reason,
    Transcript transcript)
    implements CheckResult {

  /** Validates the values. */
  public StartTlsCheck {
    Objects.requireNonNull(ehloBeforeTls, "ehloBeforeTls");
    Objects.requireNonNull(mailBeforeTls, "mailBeforeTls");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(transcript, "transcript");
  }

  @Override
  public String toString() {
    return "StartTlsCheck[" + (inconclusive ? "INCONCLUSIVE: " : "") + reason + "]";
  }
}
