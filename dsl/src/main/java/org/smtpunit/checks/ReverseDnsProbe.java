package org.smtpunit.checks;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.smtpunit.EhloReply;
import org.smtpunit.SmtpException;
import org.smtpunit.SmtpReply;
import org.smtpunit.SmtpSession;
import org.smtpunit.Transcript;
import org.smtpunit.dns.Dns;
import org.smtpunit.dns.DnsLookupException;

/** Reverse DNS of the answering address, forward confirmation, and the names the server gives. */
final class ReverseDnsProbe {

  private ReverseDnsProbe() {}

  static ReverseDnsCheck run(Dns dns, Supplier<SmtpSession> opener, String clientDomain) {
    InetAddress address;
    String greetingName;
    String ehloName;
    Transcript transcript;
    try (SmtpSession smtp = opener.get()) {
      address = smtp.remoteAddress().getAddress();
      greetingName = firstWord(smtp.greeting());
      EhloReply ehlo = smtp.ehlo(clientDomain);
      ehloName = ehlo.reply().isPositiveCompletion() ? firstWord(ehlo.reply()) : "";
      ProbeEndings.politeEnd(smtp);
      transcript = smtp.transcript();
    } catch (SmtpException e) {
      return new ReverseDnsCheck(
          InetAddress.getLoopbackAddress(),
          List.of(),
          List.of(),
          "",
          "",
          true,
          ProbeEndings.broke(e),
          e.transcript());
    }
    List<String> ptr;
    try {
      ptr = dns.reverse(address);
    } catch (DnsLookupException e) {
      boolean none =
          e.reason() == DnsLookupException.Reason.NXDOMAIN
              || e.reason() == DnsLookupException.Reason.NO_DATA;
      return new ReverseDnsCheck(
          address,
          List.of(),
          List.of(),
          greetingName,
          ehloName,
          !none,
          none
              ? address.getHostAddress() + " has no PTR record"
              : "the PTR lookup failed: " + e.getMessage(),
          transcript);
    }
    List<String> confirmed = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String name : ptr) {
      try {
        if (dns.addresses(name).contains(address)) {
          confirmed.add(name);
        } else {
          notes.add(name + " does not resolve back to " + address.getHostAddress());
        }
      } catch (DnsLookupException e) {
        if (e.reason() != DnsLookupException.Reason.NXDOMAIN
            && e.reason() != DnsLookupException.Reason.NO_DATA) {
          return new ReverseDnsCheck(
              address,
              ptr,
              confirmed,
              greetingName,
              ehloName,
              true,
              "the forward lookup of " + name + " failed: " + e.getMessage(),
              transcript);
        }
        notes.add(name + " has no address");
      }
    }
    String reason =
        address.getHostAddress()
            + " PTR "
            + ptr
            + (confirmed.isEmpty()
                ? ", not forward-confirmed"
                : ", forward-confirmed by " + confirmed)
            + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")")
            + "; greeting names ["
            + greetingName
            + "], EHLO names ["
            + ehloName
            + "]";
    return new ReverseDnsCheck(
        address, ptr, confirmed, greetingName, ehloName, false, reason, transcript);
  }

  private static String firstWord(SmtpReply reply) {
    String text = reply.lines().isEmpty() ? "" : reply.lines().get(0).trim();
    int space = text.indexOf(' ');
    return space < 0 ? text : text.substring(0, space);
  }
}
