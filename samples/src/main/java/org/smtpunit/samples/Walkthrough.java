package org.smtpunit.samples;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.smtpunit.Credentials;
import org.smtpunit.dns.Dns;
import org.smtpunit.junit.SmtpConfiguration;
import org.smtpunit.junit.SmtpTarget;

/**
 * The walkthrough's example values, overridable per run with configuration parameters (the runner's
 * {@code --from}, {@code --to} and {@code --config key=value}), so the same samples check any
 * server.
 *
 * <ul>
 *   <li>{@code smtpunit.sample.helo} (default {@code contoso.com}), {@code smtpunit.sample.from}
 *       ({@code chris@contoso.com}), {@code smtpunit.sample.to} ({@code kate@fabrikam.com}), {@code
 *       smtpunit.sample.unknown} ({@code nobody-smtpunit@} the recipient's domain)
 *   <li>{@code smtpunit.sample.mx.expected}: exchangers the MX sample must find, e.g. {@code 10
 *       mail1.fabrikam.com,20 mail2.fabrikam.com}
 *   <li>{@code smtpunit.sample.auth.target}: {@code host:port} of a port that requires AUTH
 *       (default: the target itself when credentials are configured)
 *   <li>{@code smtpunit.sample.dsn.dir}: a directory where delivery notifications to the sender
 *       arrive, on a server we control
 *   <li>{@code smtpunit.sample.recipients}: a CSV file of {@code address,expected} rows
 * </ul>
 *
 * @param helo the EHLO domain
 * @param from the sender
 * @param to a recipient the server must accept
 * @param unknown a recipient the server must reject
 * @param expectedMx the pinned MX records, if any
 * @param authTarget a port requiring authentication, if any
 * @param dsnDir where DSNs arrive, if the server is ours
 * @param recipients a CSV file of recipients and expected replies, if any
 * @param mxDomain the domain of step 2 ({@code smtpunit.sample.mx}, else {@code smtpunit.mx}), if
 *     any
 * @param dnsServer the DNS server to ask ({@code smtpunit.dns.server}), if not the machine's
 * @param credentials for the authentication sample ({@code smtpunit.auth.username} and the password
 *     from {@code smtpunit.auth.password} or {@code SMTPUNIT_AUTH_PASSWORD})
 */
public record Walkthrough(
    String helo,
    String from,
    String to,
    String unknown,
    Optional<String> expectedMx,
    Optional<String> authTarget,
    Optional<String> dsnDir,
    Optional<String> recipients,
    Optional<String> mxDomain,
    Optional<String> dnsServer,
    Optional<Credentials> credentials) {

  /** The message of step 3, as typed in telnet. */
  public static final String MESSAGE = "Subject:Test from Contoso\r\n\r\nThis is a test message";

  /** Returns the resolver of step 2: the named DNS server, or the machine's. */
  public Dns dns() {
    return dnsServer
        .map(
            server -> {
              InetSocketAddress address =
                  SmtpConfiguration.hostPort(SmtpTarget.DNS_SERVER_PROPERTY_NAME, server, 53);
              return Dns.builder().server(address.getHostString(), address.getPort()).build();
            })
        .orElseGet(Dns::systemDefault);
  }

  /** Returns the port requiring authentication, parsed as the extension parses targets. */
  public Optional<InetSocketAddress> authAddress() {
    return authTarget.map(
        target -> SmtpConfiguration.hostPort("smtpunit.sample.auth.target", target, 25));
  }

  /** Returns the domain part of the recipient. */
  public String recipientDomain() {
    return to.substring(to.lastIndexOf('@') + 1);
  }
}
