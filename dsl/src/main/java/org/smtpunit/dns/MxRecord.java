package org.smtpunit.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * One mail exchanger of a domain: nslookup's {@code mx preference=10, mail exchanger =
 * mail1.fabrikam.com} with the exchanger's addresses.
 *
 * <pre>{@code
 * MxRecord primary = dns.mx("fabrikam.com").primary().orElseThrow();
 * primary.exchange();    // "mail1.fabrikam.com"
 * primary.preference();  // 10
 * }</pre>
 *
 * @param preference lower is preferred (RFC 5321 §5.1)
 * @param exchange the exchanger's host name, without the trailing dot
 * @param addresses its A and AAAA addresses, IPv4 first, resolved through the same server; empty
 *     when the exchanger does not resolve (connecting by MX then skips it)
 */
public record MxRecord(int preference, String exchange, List<InetAddress> addresses) {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException when the preference is outside 0-65535 or the exchange ends
   *     with a dot
   */
  public MxRecord {
    if (preference < 0 || preference > 65535) {
      throw new IllegalArgumentException(
          "MX preference must be 0 to 65535, was [" + preference + "]");
    }
    Objects.requireNonNull(exchange, "exchange");
    if (exchange.endsWith(".") && !exchange.equals(".")) {
      throw new IllegalArgumentException(
          "Exchange is given without the trailing dot: [" + exchange + "]");
    }
    addresses = List.copyOf(addresses);
  }

  @Override
  public String toString() {
    return "mx preference=" + preference + ", mail exchanger = " + exchange;
  }
}
