package org.smtpunit;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.smtpunit.dns.MxRecord;
import org.smtpunit.dns.MxRecords;
import org.smtpunit.internal.HostPort;

/**
 * Connects to a domain the way an MTA does (RFC 5321 §5.1): exchangers in preference order, each of
 * their addresses in turn, until one greets; otherwise one exception listing every attempt.
 */
final class MxConnector {

  private MxConnector() {}

  /** Connects to one exchanger, each of its addresses in turn, on {@code port}. */
  static SmtpSession open(SessionOpener opener, MxRecord exchanger, int port) {
    Objects.requireNonNull(exchanger, "exchanger");
    HostPort.checkPort("Port", port);
    return connect(opener, new MxRecords(exchanger.exchange(), List.of(exchanger), false), port);
  }

  /** Connects to a domain's exchangers in preference order, on {@code port}. */
  static SmtpSession open(SessionOpener opener, MxRecords mx, int port) {
    Objects.requireNonNull(mx, "mx");
    HostPort.checkPort("Port", port);
    return connect(opener, mx, port);
  }

  private static SmtpSession connect(SessionOpener opener, MxRecords mx, int port) {
    TranscriptLog log = new TranscriptLog();
    if (mx.isNullMx() || mx.records().isEmpty()) {
      log.note(mx.domain() + " publishes a null MX: it accepts no mail");
      throw new SmtpConnectException(
          SmtpConnectException.describe(mx.domain(), port, ConnectFailure.NULL_MX, "MX 0 ."),
          ConnectFailure.NULL_MX,
          log.snapshot(),
          null);
    }
    // As for one host: a name TLS cannot send fails before any connection, not in the handshake.
    for (MxRecord record : mx.records()) {
      if (!record.addresses().isEmpty()) {
        opener.prepareTls(record.exchange());
      }
    }
    List<String> attempts = new ArrayList<>();
    ConnectFailure firstFailure = null;
    SmtpException firstCause = null;
    for (MxRecord record : mx.records()) {
      String exchange = record.exchange();
      log.note("MX " + record.preference() + " " + exchange);
      // An exchanger without addresses did not resolve through the DNS server that produced
      // the records: skip it as MTAs do, without asking another resolver behind the test's back.
      if (record.addresses().isEmpty()) {
        attempts.add(exchange + ": no address (" + ConnectFailure.UNKNOWN_HOST.description() + ")");
        if (firstFailure == null) {
          firstFailure = ConnectFailure.UNKNOWN_HOST;
        }
        continue;
      }
      for (InetAddress address : record.addresses()) {
        try {
          return opener.open(exchange, address, port, log);
        } catch (SmtpException e) {
          ConnectFailure failure = Connector.classify(e);
          attempts.add(
              exchange
                  + " ["
                  + address.getHostAddress()
                  + "]:"
                  + port
                  + ": "
                  + failure.description());
          if (firstFailure == null) {
            firstFailure = failure;
            firstCause = e;
          }
        }
      }
    }
    StringBuilder message =
        new StringBuilder("Could not open a connection to any mail exchanger of ")
            .append(mx.domain())
            .append(" on port ")
            .append(port)
            .append(". Attempts, most preferred first:");
    attempts.forEach(a -> message.append("\n  - ").append(a));
    message.append("\nLikely causes:");
    firstFailure.likelyCauses().forEach(c -> message.append("\n  - ").append(c));
    throw new SmtpConnectException(message.toString(), firstFailure, log.snapshot(), firstCause);
  }
}
