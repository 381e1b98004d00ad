package org.smtpunit.dns;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The mail exchangers of a domain, most preferred first: step 2 of the walkthrough ({@code
 * nslookup}, {@code set type=mx}) as a value.
 *
 * <pre>{@code
 * MxRecords mx = Dns.systemDefault().mx("fabrikam.com");
 * assertThat(mx).hasPrimaryExchange("mail1.fabrikam.com").hasExchangesInOrder("mail1.fabrikam.com", "mail2.fabrikam.com");
 * try (SmtpSession smtp = SmtpClient.defaults().open(mx)) { ... }
 * }</pre>
 *
 * <p>Records are ordered by preference; records of equal preference by exchange name, so the same
 * data always gives the same order (MTAs pick among equals at random; a test wants to be
 * repeatable). {@code toString()} prints the records the way nslookup does.
 *
 * @param domain the domain asked for, without the trailing dot
 * @param records the exchangers, ordered as described
 * @param implicit whether the domain has no MX record and its own address stands in (RFC 5321 §5.1)
 */
public record MxRecords(String domain, List<MxRecord> records, boolean implicit) {

  /** Validates and copies the records. */
  public MxRecords {
    Objects.requireNonNull(domain, "domain");
    records = List.copyOf(records);
    for (int i = 1; i < records.size(); i++) {
      MxRecord before = records.get(i - 1);
      MxRecord after = records.get(i);
      if (before.preference() > after.preference()) {
        throw new IllegalArgumentException("MX records must be ordered by preference: " + records);
      }
    }
  }

  /**
   * Returns whether the domain publishes a null MX ({@code MX 0 .}, RFC 7505): it accepts no mail.
   */
  public boolean isNullMx() {
    return records.size() == 1 && records.get(0).exchange().equals(".");
  }

  /**
   * Returns whether the domain has no MX record, so its own A/AAAA addresses are used, as one
   * record of preference 0 named after the domain (RFC 5321 §5.1).
   */
  public boolean isImplicit() {
    return implicit;
  }

  /** Returns the most preferred exchanger; empty for a null MX. */
  public Optional<MxRecord> primary() {
    return isNullMx() || records.isEmpty() ? Optional.empty() : Optional.of(records.get(0));
  }

  /**
   * Returns the records as nslookup prints them: {@code fabrikam.com mx preference=10, mail
   * exchanger = mail1.fabrikam.com} lines, then {@code mail1.fabrikam.com internet address =
   * 192.168.1.10} lines.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (MxRecord record : records) {
      out.append(domain).append(' ').append(record).append('\n');
    }
    for (MxRecord record : records) {
      for (InetAddress address : record.addresses()) {
        out.append(record.exchange())
            .append(
                address instanceof Inet6Address
                    ? "\tAAAA IPv6 address = "
                    : "\tinternet address = ")
            .append(address.getHostAddress())
            .append('\n');
      }
    }
    return out.toString();
  }
}
