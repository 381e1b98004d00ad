package org.smtpunit.checks;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.smtpunit.Transcript;

/**
 * The reverse DNS that receiving servers check of a mail server: its address, the PTR names of that
 * address, which of them resolve back to it (forward-confirmed reverse DNS, FCrDNS), and whether
 * the names it gives in its greeting and EHLO reply are among them: the outcome of {@link
 * MailServerChecks#reverseDns(org.smtpunit.dns.Dns)}.
 *
 * <pre>{@code
 * assertThat(checks.reverseDns(dns)).isForwardConfirmed().matchesGreeting();
 * }</pre>
 *
 * @param address the server address that answered
 * @param ptrNames the PTR names of the address, empty when it has none
 * @param confirmedNames the PTR names whose addresses include {@code address}
 * @param greetingName the host name in the 220 greeting, empty when it names none
 * @param ehloName the host name in the EHLO reply's first line, empty when it names none
 * @param inconclusive whether the check could not decide (DNS failure, dropped connection)
 * @param reason what the outcome rests on
 * @param transcript the conversation
 */
public record ReverseDnsCheck(
    InetAddress address,
    List<String> ptrNames,
    List<String> confirmedNames,
    String greetingName,
    String ehloName,
    boolean inconclusive,
    String reason,
    Transcript transcript)
    implements CheckResult {

  /** Validates and copies the values. */
  public ReverseDnsCheck {
    Objects.requireNonNull(address, "address");
    ptrNames = List.copyOf(ptrNames);
    confirmedNames = List.copyOf(confirmedNames);
    Objects.requireNonNull(greetingName, "greetingName");
    Objects.requireNonNull(ehloName, "ehloName");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(transcript, "transcript");
  }

  /** Returns whether a PTR name resolves back to the address (FCrDNS). */
  public boolean isForwardConfirmed() {
    return !confirmedNames.isEmpty();
  }

  /** Returns whether both the greeting's and the EHLO reply's host names are PTR names. */
  public boolean matchesGreeting() {
    return isPtrName(greetingName) && isPtrName(ehloName);
  }

  private boolean isPtrName(String name) {
    String wanted = normalize(name);
    return !wanted.isEmpty()
        && ptrNames.stream().map(ReverseDnsCheck::normalize).anyMatch(wanted::equals);
  }

  static String normalize(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  @Override
  public String toString() {
    return "ReverseDnsCheck["
        + address.getHostAddress()
        + " PTR "
        + ptrNames
        + ", confirmed "
        + confirmedNames
        + ", greeting "
        + greetingName
        + ", EHLO "
        + ehloName
        + (inconclusive ? ", INCONCLUSIVE: " + reason : "")
        + "]";
  }
}
