package org.smtpunit.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.smtpunit.internal.HostPort;
import org.smtpunit.internal.Wire;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An immutable, thread-safe DNS resolver for step 2 of the walkthrough: MX records, addresses and
 * reverse lookups, over the real DNS wire protocol (UDP, and TCP when an answer is truncated).
 *
 * <pre>{@code
 * Dns dns = Dns.builder().server("127.0.0.1", 5353).timeout(Duration.ofSeconds(20)).build();
 * MxRecords mx = dns.mx("fabrikam.com.");
 * List<InetAddress> addresses = dns.addresses("mail1.fabrikam.com");
 * }</pre>
 *
 * <p>Names are always absolute, with or without the trailing dot: no search-list suffix is ever
 * appended (what the walkthrough's trailing dot in {@code fabrikam.com.} is for). Every lookup
 * throws {@link DnsLookupException} when it fails.
 */
public final class Dns {

  /** The walkthrough's {@code set timeout=20}. */
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  private final DnsQueries queries;
  private final Duration timeout;

  private Dns(List<InetSocketAddress> servers, Duration timeout) {
    this.queries = new DnsQueries(servers, timeout);
    this.timeout = timeout;
  }

  /**
   * Returns a resolver asking the machine's configured DNS servers.
   *
   * @throws DnsLookupException with reason NETWORK when the machine has no DNS server configured
   */
  public static Dns systemDefault() {
    List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
    if (servers.isEmpty()) {
      throw new DnsLookupException(
          "No DNS server is configured on this machine; name one with Dns.builder().server(...)",
          DnsLookupException.Reason.NETWORK,
          null);
    }
    return new Dns(servers, DEFAULT_TIMEOUT);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the servers asked, as {@code host:port}. */
  public String server() {
    return queries.servers();
  }

  /** Returns the time allowed for each query. */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Looks up the MX records of a domain, resolving each exchanger's addresses. A domain without MX
   * records but with addresses gives an implicit MX (RFC 5321 §5.1).
   *
   * @throws DnsLookupException when the lookup fails, or the domain has neither MX nor addresses
   */
  public MxRecords mx(String domain) {
    Name name = absolute(domain);
    String display = DnsQueries.display(name);
    Message answer = queries.send(name, Type.MX, display);
    List<MXRecord> mx = new ArrayList<>();
    for (Record record : answer.getSection(Section.ANSWER)) {
      if (record instanceof MXRecord found) {
        mx.add(found);
      }
    }
    if (mx.isEmpty()) {
      List<InetAddress> own = queries.addressesOf(name, display, true);
      if (own.isEmpty()) {
        throw failure(display, "MX", DnsLookupException.Reason.NO_DATA, null);
      }
      return new MxRecords(display, List.of(new MxRecord(0, display, own)), true);
    }
    List<MxRecord> records = new ArrayList<>();
    for (MXRecord record : mx) {
      Name target = record.getTarget();
      if (target.equals(Name.root)) {
        records.add(new MxRecord(record.getPriority(), ".", List.of()));
        continue;
      }
      String exchange = DnsQueries.display(target);
      records.add(
          new MxRecord(
              record.getPriority(), exchange, queries.addressesOf(target, exchange, true)));
    }
    records.sort(Comparator.comparingInt(MxRecord::preference).thenComparing(MxRecord::exchange));
    return new MxRecords(display, records, false);
  }

  /**
   * Looks up the A and AAAA addresses of a host, following CNAMEs; IPv4 addresses first.
   *
   * @throws DnsLookupException when the lookup fails or the host has no address
   */
  public List<InetAddress> addresses(String host) {
    Name name = absolute(host);
    List<InetAddress> found = queries.addressesOf(name, DnsQueries.display(name), false);
    if (found.isEmpty()) {
      throw failure(DnsQueries.display(name), "A/AAAA", DnsLookupException.Reason.NO_DATA, null);
    }
    return found;
  }

  /**
   * Looks up the PTR names of an address (the reverse lookup remote servers check), without the
   * trailing dot.
   *
   * @throws DnsLookupException when the lookup fails or there is no PTR record
   */
  public List<String> reverse(InetAddress address) {
    Name name = ReverseMap.fromAddress(address);
    String display = DnsQueries.display(name);
    List<String> names = new ArrayList<>();
    for (Record record : queries.send(name, Type.PTR, display).getSection(Section.ANSWER)) {
      if (record instanceof PTRRecord ptr) {
        names.add(DnsQueries.display(ptr.getTarget()));
      }
    }
    if (names.isEmpty()) {
      throw failure(display, "PTR", DnsLookupException.Reason.NO_DATA, null);
    }
    return List.copyOf(names);
  }

  /**
   * Looks up the TXT records of a name, each record's strings joined (RFC 7208 §3.3). A name
   * without TXT records, or that does not exist, gives an empty list.
   *
   * @throws DnsLookupException when the lookup fails (SERVFAIL, REFUSED, timeout, network)
   */
  public List<String> txt(String name) {
    List<String> texts = new ArrayList<>();
    for (Record record : queries.records(absolute(name), Type.TXT)) {
      if (record instanceof TXTRecord txt) {
        texts.add(String.join("", txt.getStrings()));
      }
    }
    return List.copyOf(texts);
  }

  /**
   * Looks up the SPF record of a domain and counts its DNS-querying terms through its includes and
   * redirect. A missing, duplicated or malformed record is a result with {@link
   * SpfRecord#errors()}, never an exception.
   *
   * @throws DnsLookupException when a lookup fails (SERVFAIL, REFUSED, timeout, network)
   */
  public SpfRecord spf(String domain) {
    return SpfLookup.lookup(this::txt, DnsQueries.display(absolute(domain)));
  }

  /**
   * Looks up the DMARC record of a domain at {@code _dmarc.domain}, then, when there is none, at
   * each parent domain up to the organizational domain (see {@link DmarcRecord}). A missing or
   * malformed record is a result with {@link DmarcRecord#errors()}, never an exception.
   *
   * @throws DnsLookupException when a lookup fails (SERVFAIL, REFUSED, timeout, network)
   */
  public DmarcRecord dmarc(String domain) {
    return DmarcLookup.lookup(this::txt, DnsQueries.display(absolute(domain)));
  }

  /**
   * Looks up the TLSA records (DANE, RFC 6698) of a TCP service: {@code _port._tcp.host}. A service
   * without TLSA records gives an empty list.
   *
   * @throws DnsLookupException when the lookup fails (SERVFAIL, REFUSED, timeout, network)
   * @throws IllegalArgumentException for a bad port or host name
   */
  public List<TlsaRecord> tlsa(int port, String host) {
    HostPort.checkPort("Port", port);
    Name name = absolute("_" + port + "._tcp." + HostNames.toAscii(host));
    List<TlsaRecord> found = new ArrayList<>();
    for (Record record : queries.records(name, Type.TLSA)) {
      if (record instanceof TLSARecord tlsa) {
        found.add(
            new TlsaRecord(
                tlsa.getCertificateUsage(),
                tlsa.getSelector(),
                tlsa.getMatchingType(),
                HexFormat.of().formatHex(tlsa.getCertificateAssociationData())));
      }
    }
    return List.copyOf(found);
  }

  private DnsLookupException failure(
      String name, String type, DnsLookupException.Reason reason, Throwable cause) {
    return queries.failure(name, type, reason, cause);
  }

  static Name absolute(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || Wire.indexOfLineBreakOrNul(name) >= 0) {
      throw new IllegalArgumentException("Not a domain name [" + name + "]");
    }
    try {
      String ascii = HostNames.toAscii(name);
      return Name.fromString(ascii.endsWith(".") ? ascii : ascii + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException("Not a domain name [" + name + "]: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "Dns[" + server() + ", timeout " + timeout.toMillis() + " ms]";
  }

  /** Configures a {@link Dns} that asks one named server. */
  public static final class Builder {
    private InetSocketAddress server;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder() {}

    /**
     * Sets the server to ask.
     *
     * @throws IllegalArgumentException for a bad port or an unresolvable host
     */
    public Builder server(String host, int port) {
      HostPort.checkPort("DNS server port", port);
      try {
        this.server =
            new InetSocketAddress(
                InetAddress.getByName(Objects.requireNonNull(host, "host")), port);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("DNS server host does not resolve [" + host + "]", e);
      }
      return this;
    }

    /**
     * Sets the time allowed for each query (default 20 s).
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("DNS timeout must be positive, was [" + timeout + "]");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Builds the resolver.
     *
     * @throws IllegalStateException when no server was named
     */
    public Dns build() {
      if (server == null) {
        throw new IllegalStateException(
            "Name the DNS server with server(host, port), or use Dns.systemDefault()");
      }
      return new Dns(List.of(server), timeout);
    }
  }
}
