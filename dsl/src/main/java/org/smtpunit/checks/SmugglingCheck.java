package org.smtpunit.checks;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Whether a server can be made to see two messages in one (SMTP smuggling, 2023): the outcome of
 * {@link MailServerChecks#smuggling(String, String)}, one probe per non-standard end-of-data
 * sequence. Only the named recipient ever receives anything, and every probe message says it is a
 * probe.
 *
 * <pre>{@code
 * SmugglingCheck smuggling = checks.smuggling("chris@contoso.com", "kate@fabrikam.com");
 * assertThat(smuggling).isNotVulnerable();
 * }</pre>
 *
 * @param sender the sender of the probes
 * @param recipient the only recipient of the probes
 * @param probes one per variant, in the order tried
 */
public record SmugglingCheck(String sender, String recipient, List<SmugglingProbe> probes) {

  /** Validates and copies the values. */
  public SmugglingCheck {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(recipient, "recipient");
    probes = List.copyOf(probes);
  }

  /** Returns the variants the server took as the end of the message: the failures. */
  public List<String> variantsAccepted() {
    return probes.stream().filter(SmugglingProbe::accepted).map(SmugglingProbe::variant).toList();
  }

  /** Returns whether any variant was accepted. */
  public boolean isVulnerable() {
    return !variantsAccepted().isEmpty();
  }

  /**
   * Returns whether the check could not decide: no variant was accepted, but at least one probe
   * could not tell. An inconclusive check is never a pass.
   */
  public boolean isInconclusive() {
    return !isVulnerable() && probes.stream().anyMatch(SmugglingProbe::inconclusive);
  }

  /** Returns what the outcome rests on, one line per probe. */
  public String reason() {
    return probes.stream().map(SmugglingProbe::toString).collect(Collectors.joining("\n"));
  }

  @Override
  public String toString() {
    return "SmugglingCheck["
        + (isVulnerable()
            ? "VULNERABLE to " + variantsAccepted()
            : isInconclusive() ? "INCONCLUSIVE" : "not vulnerable")
        + "]";
  }
}
