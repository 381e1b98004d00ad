package org.smtpunit.checks;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpException;
import org.smtpunit.SmtpReply;
import org.smtpunit.SmtpSession;
import org.smtpunit.TlsMode;
import org.smtpunit.dns.Dns;
import org.smtpunit.dns.MxRecords;
import org.smtpunit.internal.HostPort;

/**
 * The security checks mail administrators run against a server (MXToolbox, checktls, swaks
 * scripts), each as a typed result to assert on: open relay, SMTP smuggling, STARTTLS policy,
 * VRFY/EXPN leaks and reverse DNS. Every check opens its own connection(s), sends nothing that
 * could deliver mail to anyone but a recipient the caller named, and ends politely with QUIT. A
 * check that cannot decide (the server drops the connection, answers 4xx) is inconclusive with its
 * reason, never a pass.
 *
 * <pre>{@code
 * MailServerChecks checks = MailServerChecks.of(SmtpClient.defaults(), "mail1.fabrikam.com", 25);
 * assertThat(checks.openRelay("chris@contoso.com", "someone@northwindtraders.com")).isRefused();
 * assertThat(checks.smuggling("chris@contoso.com", "kate@fabrikam.com")).isNotVulnerable();
 * assertThat(checks.vrfy("kate@fabrikam.com")).doesNotLeak();
 * }</pre>
 */
public final class MailServerChecks {

  private final SmtpClient client;
  private final Function<SmtpClient, SmtpSession> opener;
  private final String target;

  private MailServerChecks(
      SmtpClient client, Function<SmtpClient, SmtpSession> opener, String target) {
    this.client = client;
    this.opener = opener;
    this.target = target;
  }

  /**
   * Checks the server at this host and port, connecting with the client's settings.
   *
   * @throws IllegalArgumentException for a bad host or port (nothing is connected yet)
   */
  public static MailServerChecks of(SmtpClient client, String host, int port) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(host, "host");
    if (host.isBlank() || !HostPort.isPort(port)) {
      throw new IllegalArgumentException("Not a server to check [" + host + ":" + port + "]");
    }
    return new MailServerChecks(client, c -> c.open(host, port), host + ":" + port);
  }

  /** Checks the first exchanger of a domain that answers on port 25, as an MTA would pick it. */
  public static MailServerChecks of(SmtpClient client, MxRecords mx) {
    return of(client, mx, 25);
  }

  /**
   * Checks the first exchanger of a domain that answers on this port.
   *
   * @throws IllegalArgumentException for a bad port
   */
  public static MailServerChecks of(SmtpClient client, MxRecords mx, int port) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(mx, "mx");
    HostPort.checkPort("Port", port);
    return new MailServerChecks(client, c -> c.open(mx, port), "MX of " + mx.domain());
  }

  /**
   * Asks the server to relay from an outside sender to an outside recipient: MAIL FROM, RCPT TO,
   * then RSET and QUIT. DATA is never sent, so nothing is delivered even by an open relay.
   *
   * @throws IllegalArgumentException when an address holds CR, LF or NUL
   */
  public RelayCheck openRelay(String externalSender, String externalRecipient) {
    Objects.requireNonNull(externalSender, "externalSender");
    Objects.requireNonNull(externalRecipient, "externalRecipient");
    Optional<SmtpReply> mailReply = Optional.empty();
    try (SmtpSession smtp = openSession()) {
      smtp.ehlo(client.clientDomain());
      SmtpReply mail = smtp.mailFrom(externalSender);
      mailReply = Optional.of(mail);
      if (!mail.isPositiveCompletion()) {
        ProbeEndings.politeEnd(smtp);
        boolean permanent = mail.isPermanentNegative();
        return new RelayCheck(
            externalSender,
            externalRecipient,
            permanent,
            mailReply,
            Optional.empty(),
            !permanent,
            (permanent
                    ? "refused at MAIL FROM: "
                    : "MAIL FROM got a temporary failure, so relaying was not tried: ")
                + mail,
            smtp.transcript());
      }
      SmtpReply rcpt = smtp.rcptTo(externalRecipient);
      ProbeEndings.politeEnd(smtp);
      boolean permanent = rcpt.isPermanentNegative();
      boolean inconclusive =
          rcpt.isTransientNegative() || rcpt.code() < 200 || rcpt.code() >= 300 && !permanent;
      String reason =
          permanent
              ? "relaying refused at RCPT TO: " + rcpt
              : inconclusive
                  ? "RCPT TO got a temporary or unexpected reply, so it is not known whether the server relays: "
                      + rcpt
                  : "OPEN RELAY: RCPT TO:<"
                      + externalRecipient
                      + "> for an outside sender was accepted: "
                      + rcpt;
      return new RelayCheck(
          externalSender,
          externalRecipient,
          permanent,
          mailReply,
          Optional.of(rcpt),
          inconclusive,
          reason,
          smtp.transcript());
    } catch (SmtpException e) {
      return new RelayCheck(
          externalSender,
          externalRecipient,
          false,
          mailReply,
          Optional.empty(),
          true,
          ProbeEndings.broke(e),
          e.transcript());
    }
  }

  /**
   * Sends one probe message per non-standard end-of-data variant to the recipient, each with a
   * smuggled second transaction for the same recipient inside it; see {@link SmugglingCheck}.
   *
   * @throws IllegalArgumentException when an address holds CR, LF or NUL
   */
  public SmugglingCheck smuggling(String sender, String recipient) {
    return new SmugglingProbes(this::openSession, client.clientDomain(), target)
        .run(sender, recipient);
  }

  /**
   * Checks the STARTTLS policy over a plain-text connection (whatever TLS mode the client has):
   * EHLO, {@code MAIL FROM:<>}, RSET, then STARTTLS and the handshake with the client's trust
   * settings, then EHLO and QUIT.
   */
  public StartTlsCheck startTls() {
    return new StartTlsProbe(client.clientDomain())
        .run(() -> opener.apply(client.toBuilder().tls(TlsMode.NONE).build()));
  }

  /**
   * Asks {@code VRFY user} and {@code VRFY} of a made-up address in the same domain.
   *
   * @throws IllegalArgumentException when the user holds CR, LF, NUL or non-ASCII characters
   */
  public LeakCheck vrfy(String user) {
    return LeakProbe.run("VRFY", user, this::openSession, client.clientDomain());
  }

  /**
   * Asks {@code EXPN list} and {@code EXPN} of a made-up list in the same domain.
   *
   * @throws IllegalArgumentException when the list holds CR, LF, NUL or non-ASCII characters
   */
  public LeakCheck expn(String list) {
    return LeakProbe.run("EXPN", list, this::openSession, client.clientDomain());
  }

  /** Looks up the reverse DNS of the address that answers and compares it with its greeting. */
  public ReverseDnsCheck reverseDns(Dns dns) {
    Objects.requireNonNull(dns, "dns");
    return ReverseDnsProbe.run(dns, this::openSession, client.clientDomain());
  }

  SmtpSession openSession() {
    return opener.apply(client);
  }

  @Override
  public String toString() {
    return "MailServerChecks[" + target + "]";
  }
}
