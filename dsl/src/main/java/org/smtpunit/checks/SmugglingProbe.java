package org.smtpunit.checks;

import java.util.List;
import java.util.Objects;
import org.smtpunit.SmtpReply;
import org.smtpunit.Transcript;

/**
 * One end-of-data variant tried by {@link MailServerChecks#smuggling(String, String)}: whether the
 * server took it as the end of the message, shown by its answering the smuggled transaction that
 * followed it.
 *
 * <pre>{@code
 * SmugglingProbe lf = smuggling.probes().get(0); // variant "<LF>.<LF>"
 * }</pre>
 *
 * @param variant the end-of-data sequence in readable form, e.g. {@code <LF>.<LF>}
 * @param accepted whether the server ended the message there and answered the smuggled commands
 * @param inconclusive whether this probe could not decide
 * @param reason what the outcome rests on
 * @param replies the replies read after the probe's content, in order
 * @param transcript the probe's conversation
 */
public record SmugglingProbe(
    String variant,
    boolean accepted,
    boolean inconclusive,
    String reason,
    List<SmtpReply> replies,
    Transcript transcript) {

  /** Validates and copies the values. */
  public SmugglingProbe {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(reason, "reason");
    replies = List.copyOf(replies);
    Objects.requireNonNull(transcript, "transcript");
  }

  @Override
  public String toString() {
    return variant
        + ": "
        + (inconclusive ? "INCONCLUSIVE" : accepted ? "ACCEPTED" : "not accepted")
        + " ("
        + reason
        + ")";
  }
}
