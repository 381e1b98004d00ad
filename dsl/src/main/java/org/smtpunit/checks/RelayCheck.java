package org.smtpunit.checks;

import java.util.Objects;
import java.util.Optional;
import org.smtpunit.SmtpReply;
import org.smtpunit.Transcript;

/**
 * Whether a server relays mail between two outside parties (an open relay): the outcome of {@link
 * MailServerChecks#openRelay(String, String)}. The check never sends DATA: after RCPT it sends RSET
 * and QUIT.
 *
 * <pre>{@code
 * RelayCheck relay = checks.openRelay("chris@contoso.com", "someone@northwindtraders.com");
 * assertThat(relay).isRefused();
 * }</pre>
 *
 * @param sender the outside sender used in MAIL FROM
 * @param recipient the outside recipient used in RCPT TO
 * @param refused whether the server refused to relay (a 5xx to MAIL or RCPT)
 * @param mailReply the reply to MAIL FROM, empty when the conversation broke before it
 * @param rcptReply the reply to RCPT TO, empty when it was not sent
 * @param inconclusive whether the check could not decide (a 4xx, a dropped connection)
 * @param reason what the outcome rests on, in words
 * @param transcript the conversation
 */
public record RelayCheck(
    String sender,
    String recipient,
    boolean refused,
    Optional<SmtpReply> mailReply,
    Optional<SmtpReply> rcptReply,
    boolean inconclusive,
    String reason,
    Transcript transcript)
    implements CheckResult {

  /** Validates the values. */
  public RelayCheck {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(mailReply, "mailReply");
    Objects.requireNonNull(rcptReply, "rcptReply");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(transcript, "transcript");
  }

  @Override
  public String toString() {
    return "RelayCheck["
        + (inconclusive ? "INCONCLUSIVE" : refused ? "refused" : "RELAYS")
        + ": "
        + reason
        + "]";
  }
}
