package org.smtpunit;

import java.util.List;

/**
 * Why a TCP connection to an SMTP server could not be opened, each with the walkthrough's likely
 * causes ordered so that the ones that fit the failure come first.
 *
 * <pre>{@code
 * ConnectionProbe probe = client.probe("mail1.fabrikam.com", 25);
 * assertThat(probe).failedWith(ConnectFailure.REFUSED);
 * }</pre>
 */
public enum ConnectFailure {
  /** The name does not resolve (wrong FQDN, or DNS unreachable). */
  UNKNOWN_HOST(
      "the host name does not resolve",
      List.of(
          "a wrong FQDN for the destination",
          "DNS is unreachable from here: a firewall or proxy may block queries to DNS servers")),
  /** The host answered with a TCP reset: nothing listens on that port. */
  REFUSED(
      "connection refused",
      List.of(
          "the destination SMTP service is unavailable (not running or not listening on this port)",
          "a wrong port number",
          "a wrong FQDN or IP address for the destination",
          "a firewall restriction at the destination that rejects the connection")),
  /** No answer within the connect timeout: packets are dropped somewhere. */
  TIMED_OUT(
      "no answer within the connect timeout",
      List.of(
          "a firewall restriction at the destination that drops the connection",
          "a firewall restriction at the source (outbound port 25 is often blocked)",
          "a wrong FQDN or IP address for the destination",
          "the destination SMTP service is overloaded and not accepting connections")),
  /** No route to the host or its network. */
  UNREACHABLE(
      "the host or its network is unreachable",
      List.of(
          "a wrong IP address for the destination",
          "a routing problem or firewall restriction at the source",
          "a firewall restriction at the destination")),
  /** The connection opened but the server closed it before greeting. */
  CLOSED_BEFORE_GREETING(
      "the server closed the connection before its greeting",
      List.of(
          "the destination SMTP service refuses clients from this address",
          "a connection limit on the server",
          "a wrong port number (another service listens there)")),
  /** The connection opened but no complete greeting arrived within the reply timeout. */
  NO_GREETING(
      "the server sent no greeting within the reply timeout",
      List.of(
          "the destination SMTP service is overloaded or stalled",
          "a firewall or proxy accepts the connection but does not pass it on",
          "a wrong port number (another service listens there)")),
  /** The connection opened but the greeting was not an SMTP reply. */
  MALFORMED_GREETING(
      "the server's greeting is not an SMTP reply",
      List.of(
          "a wrong port number (another service listens there)",
          "a proxy or firewall in the way answers instead of the SMTP server")),
  /**
   * The connection opened but TLS could not be set up: the handshake failed (implicit TLS or
   * STARTTLS), or {@link TlsMode#STARTTLS} found STARTTLS not offered or refused.
   */
  TLS_FAILED(
      "TLS could not be established",
      List.of(
          "the server's certificate is not trusted, has expired or does not name this host",
          "no TLS protocol version in common between the client and the server",
          "the server does not offer STARTTLS, or refuses it",
          "a wrong port number (implicit TLS on a plain-text port, or the reverse)")),
  /** The domain publishes a null MX ({@code MX 0 .}, RFC 7505): it accepts no mail at all. */
  NULL_MX(
      "the domain accepts no mail (null MX, RFC 7505)",
      List.of(
          "the domain deliberately publishes MX 0 . to say it receives no mail",
          "a wrong domain name for the destination")),
  /** Anything else the platform reported. */
  OTHER(
      "the connection failed",
      List.of(
          "the destination SMTP service is unavailable",
          "a firewall restriction at the destination",
          "a firewall restriction at the source",
          "a wrong FQDN or IP address for the destination",
          "a wrong port number"));

  private final String description;
  private final List<String> likelyCauses;

  ConnectFailure(String description, List<String> likelyCauses) {
    this.description = description;
    this.likelyCauses = likelyCauses;
  }

  /** Returns a short description, e.g. {@code connection refused}. */
  public String description() {
    return description;
  }

  /** Returns the likely causes, the ones that best fit this failure first. */
  public List<String> likelyCauses() {
    return likelyCauses;
  }
}
