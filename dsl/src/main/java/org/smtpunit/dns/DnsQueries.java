package org.smtpunit.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smtpunit.internal.HostPort;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Queries over the DNS wire protocol to the configured servers, each failure turned into a {@link
 * DnsLookupException} that names the query, the servers and the timeout: the dnsjava side of {@link
 * Dns}.
 */
final class DnsQueries {

  private final List<InetSocketAddress> servers;
  private final Duration timeout;

  DnsQueries(List<InetSocketAddress> servers, Duration timeout) {
    this.servers = List.copyOf(servers);
    this.timeout = timeout;
  }

  /** Returns the servers asked, as {@code host:port}, separated by commas. */
  String servers() {
    return String.join(", ", servers.stream().map(DnsQueries::describe).toList());
  }

  /**
   * Sends one query and returns the answer when its RCODE is NOERROR.
   *
   * @throws DnsLookupException for a timeout, a network failure or any other RCODE
   */
  Message send(Name name, int type, String display) {
    Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
    Message response;
    try {
      response = resolver().send(query);
    } catch (SocketTimeoutException e) {
      throw failure(display, Type.string(type), DnsLookupException.Reason.TIMEOUT, e);
    } catch (IOException e) {
      DnsLookupException.Reason reason =
          String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("timed out")
              ? DnsLookupException.Reason.TIMEOUT
              : DnsLookupException.Reason.NETWORK;
      throw failure(display, Type.string(type), reason, e);
    }
    int rcode = response.getRcode();
    if (rcode == Rcode.NOERROR) {
      return response;
    }
    DnsLookupException.Reason reason =
        switch (rcode) {
          case Rcode.NXDOMAIN -> DnsLookupException.Reason.NXDOMAIN;
          case Rcode.SERVFAIL -> DnsLookupException.Reason.SERVFAIL;
          case Rcode.REFUSED -> DnsLookupException.Reason.REFUSED;
          default -> DnsLookupException.Reason.BAD_RESPONSE;
        };
    throw failure(
        display, Type.string(type) + " (RCODE " + Rcode.string(rcode) + ")", reason, null);
  }

  private Resolver resolver() {
    // dnsjava resolvers are cheap and hold no connection; a fresh one per query keeps this class
    // free of shared mutable state. SimpleResolver retries over TCP when the UDP answer is
    // truncated (TC bit), as RFC 7766 requires.
    if (servers.size() == 1) {
      SimpleResolver resolver = new SimpleResolver(servers.get(0));
      resolver.setTimeout(timeout);
      return resolver;
    }
    List<Resolver> each = new ArrayList<>();
    for (InetSocketAddress server : servers) {
      SimpleResolver resolver = new SimpleResolver(server);
      resolver.setTimeout(timeout);
      each.add(resolver);
    }
    ExtendedResolver resolver = new ExtendedResolver(each);
    resolver.setTimeout(timeout);
    resolver.setRetries(1);
    return resolver;
  }

  /** Builds the walkthrough's message for a failed lookup, naming the servers and the timeout. */
  DnsLookupException failure(
      String name, String type, DnsLookupException.Reason reason, Throwable cause) {
    String what =
        switch (reason) {
          case NXDOMAIN -> "the name does not exist (NXDOMAIN)";
          case SERVFAIL -> "the server failed to answer (SERVFAIL)";
          case REFUSED -> "the server refused to answer (REFUSED)";
          case TIMEOUT -> "no answer within " + timeout.toMillis() + " ms";
          case NO_DATA -> "the name has no record of that type";
          case BAD_RESPONSE -> "the server sent an unusable answer";
          case NETWORK -> "the query could not be sent [" + cause + "]";
        };
    StringBuilder message =
        new StringBuilder("DNS lookup of ")
            .append(type)
            .append(" records for ")
            .append(name)
            .append(" failed: ")
            .append(what)
            .append(". Server asked: ")
            .append(servers())
            .append(", timeout ")
            .append(timeout.toMillis())
            .append(" ms.");
    if (reason == DnsLookupException.Reason.TIMEOUT
        || reason == DnsLookupException.Reason.REFUSED
        || reason == DnsLookupException.Reason.NETWORK) {
      message.append(
          " A firewall or proxy may block queries to DNS servers; check that this machine may"
              + " reach the server on port 53 (UDP and TCP).");
    }
    return new DnsLookupException(message.toString(), reason, cause);
  }

  private static String describe(InetSocketAddress server) {
    String host =
        server.getAddress() == null ? server.getHostString() : server.getAddress().getHostAddress();
    return HostPort.format(host, server.getPort());
  }

  /** CNAME chains longer than this are treated as a loop. */
  private static final int MAX_CNAME_HOPS = 8;

  /** The answer records of a name; empty for NXDOMAIN and for a name without that type. */
  List<Record> records(Name name, int type) {
    try {
      return send(name, type, display(name)).getSection(Section.ANSWER);
    } catch (DnsLookupException e) {
      if (e.reason() == DnsLookupException.Reason.NXDOMAIN) {
        return List.of();
      }
      throw e;
    }
  }

  /** A and AAAA of a name; empty when it has none (NXDOMAIN is an empty result only if lenient). */
  List<InetAddress> addressesOf(Name name, String display, boolean lenient) {
    List<InetAddress> v4 = new ArrayList<>();
    List<InetAddress> v6 = new ArrayList<>();
    for (int type : new int[] {Type.A, Type.AAAA}) {
      Name current = name;
      for (int hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
        Message answer;
        try {
          answer = send(current, type, display);
        } catch (DnsLookupException e) {
          if (lenient && e.reason() == DnsLookupException.Reason.NXDOMAIN) {
            return List.of();
          }
          throw e;
        }
        Name next = null;
        boolean any = false;
        for (Record record : answer.getSection(Section.ANSWER)) {
          if (record instanceof ARecord a) {
            v4.add(a.getAddress());
            any = true;
          } else if (record instanceof AAAARecord aaaa) {
            v6.add(aaaa.getAddress());
            any = true;
          } else if (record instanceof CNAMERecord cname) {
            next = cname.getTarget();
          }
        }
        if (any || next == null) {
          break;
        }
        current = next;
      }
    }
    List<InetAddress> all = new ArrayList<>(v4);
    all.addAll(v6);
    return List.copyOf(all);
  }

  /** A name as lookups report it: without its trailing dot, the root as {@code .}. */
  static String display(Name name) {
    String text = name.toString(true);
    return text.isEmpty() ? "." : text;
  }
}
