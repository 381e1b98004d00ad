package org.smtpunit.checks;

import java.util.Objects;
import java.util.Optional;
import org.smtpunit.SmtpReply;
import org.smtpunit.Transcript;

/**
 * Whether VRFY or EXPN tells an existing mailbox or list from a made-up one (address harvesting):
 * the outcome of {@link MailServerChecks#vrfy(String)} and {@link MailServerChecks#expn(String)}.
 * It leaks when the reply is a 250/251 naming the address, or when the address gets a 2xx (such as
 * Postfix's 252) while a made-up address gets a 5xx.
 *
 * <pre>{@code
 * assertThat(checks.vrfy("kate@fabrikam.com")).doesNotLeak();
 * }</pre>
 *
 * @param command {@code VRFY} or {@code EXPN}
 * @param argument the user or list asked about
 * @param madeUp the made-up address asked about for comparison
 * @param reply the reply for the argument, empty when the conversation broke before it
 * @param madeUpReply the reply for the made-up address
 * @param leaks whether the replies tell the real address from the made-up one
 * @param inconclusive whether the check could not decide (a 4xx, a dropped connection)
 * @param reason what the outcome rests on
 * @param transcript the conversation
 */
public record LeakCheck(
    String command,
    String argument,
    String madeUp,
    Optional<SmtpReply> reply,
    Optional<SmtpReply> madeUpReply,
    boolean leaks,
    boolean inconclusive,
    String reason,
    Transcript transcript)
    implements CheckResult {

  /** Validates the values. */
  public LeakCheck {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(argument, "argument");
    Objects.requireNonNull(madeUp, "madeUp");
    Objects.requireNonNull(reply, "reply");
    Objects.requireNonNull(madeUpReply, "madeUpReply");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(transcript, "transcript");
  }

  @Override
  public String toString() {
    return "LeakCheck["
        + command
        + " "
        + argument
        + ": "
        + (inconclusive ? "INCONCLUSIVE" : leaks ? "LEAKS" : "does not leak")
        + ", "
        + reason
        + "]";
  }
}
