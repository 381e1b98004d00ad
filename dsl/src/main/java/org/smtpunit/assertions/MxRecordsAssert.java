package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldHaveMxRecords.shouldHaveMxRecords;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.smtpunit.dns.MxRecord;
import org.smtpunit.dns.MxRecords;

/**
 * Assertions on a domain's MX records (step 2 of the walkthrough); get one from {@link
 * SmtpAssertions#assertThat(MxRecords)}. Failures print the records the way nslookup does.
 *
 * <pre>{@code
 * assertThat(dns.mx("fabrikam.com"))
 *     .hasPrimaryExchange("mail1.fabrikam.com")
 *     .containsExchange("mail2.fabrikam.com", 20)
 *     .hasExchangeResolvingTo("mail1.fabrikam.com", "192.168.1.10");
 * }</pre>
 */
public class MxRecordsAssert extends AbstractSmtpUnitAssert<MxRecordsAssert, MxRecords> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public MxRecordsAssert(MxRecords actual) {
    super(actual, MxRecordsAssert.class);
  }

  /**
   * Verifies the most preferred exchanger (case-insensitive, trailing dot ignored).
   *
   * @throws IllegalArgumentException when {@code exchange} is null
   */
  public MxRecordsAssert hasPrimaryExchange(String exchange) {
    Expected.notNull(exchange, "exchange");
    isNotNull();
    if (actual.primary().filter(p -> same(p.exchange(), exchange)).isEmpty()) {
      failWithDiff(
          actual.primary().map(MxRecord::exchange).orElse("none"),
          exchange,
          shouldHaveMxRecords(actual, "to have as primary exchanger", exchange));
    }
    return myself;
  }

  /**
   * Verifies an exchanger with this preference is among the records.
   *
   * @throws IllegalArgumentException when {@code exchange} is null
   */
  public MxRecordsAssert containsExchange(String exchange, int preference) {
    Expected.notNull(exchange, "exchange");
    isNotNull();
    if (actual.records().stream()
        .noneMatch(r -> same(r.exchange(), exchange) && r.preference() == preference)) {
      throwAssertionError(
          shouldHaveMxRecords(
              actual,
              "to contain",
              "mx preference=" + preference + ", mail exchanger = " + exchange));
    }
    return myself;
  }

  /**
   * Verifies the exchangers, all of them, in preference order.
   *
   * @throws IllegalArgumentException when {@code exchanges} or one of them is null
   */
  public MxRecordsAssert hasExchangesInOrder(String... exchanges) {
    Expected.notNull(exchanges, "exchanges");
    for (String exchange : exchanges) {
      Expected.notNull(exchange, "exchange");
    }
    isNotNull();
    List<String> actualNames = actual.records().stream().map(MxRecord::exchange).toList();
    boolean equal = actualNames.size() == exchanges.length;
    for (int i = 0; equal && i < exchanges.length; i++) {
      equal = same(actualNames.get(i), exchanges[i]);
    }
    if (!equal) {
      failWithDiff(
          actualNames,
          Arrays.asList(exchanges),
          shouldHaveMxRecords(
              actual, "to have exactly these exchangers in order", Arrays.asList(exchanges)));
    }
    return myself;
  }

  /** Verifies the number of records. */
  public MxRecordsAssert hasSize(int size) {
    isNotNull();
    if (actual.records().size() != size) {
      failWithDiff(
          actual.records().size(),
          size,
          shouldHaveMxRecords(actual, "to have this many records", size));
    }
    return myself;
  }

  /** Verifies the domain publishes a null MX (RFC 7505): it accepts no mail. */
  public MxRecordsAssert isNullMx() {
    isNotNull();
    if (!actual.isNullMx()) {
      throwAssertionError(shouldHaveMxRecords(actual, "to be", "a null MX (MX 0 .)"));
    }
    return myself;
  }

  /** Verifies the domain has no MX record and its own address stands in (RFC 5321 §5.1). */
  public MxRecordsAssert isImplicit() {
    isNotNull();
    if (!actual.isImplicit()) {
      throwAssertionError(shouldHaveMxRecords(actual, "to be", "an implicit MX (no MX record)"));
    }
    return myself;
  }

  /**
   * Verifies the exchanger resolves to the address (textual form, e.g. {@code 192.168.1.10}).
   *
   * @throws IllegalArgumentException when {@code exchange} or {@code address} is null
   */
  public MxRecordsAssert hasExchangeResolvingTo(String exchange, String address) {
    Expected.notNull(exchange, "exchange");
    Expected.notNull(address, "address");
    isNotNull();
    boolean found =
        actual.records().stream()
            .filter(r -> same(r.exchange(), exchange))
            .flatMap(r -> r.addresses().stream())
            .map(InetAddress::getHostAddress)
            .anyMatch(a -> a.equalsIgnoreCase(address) || sameAddress(a, address));
    if (!found) {
      throwAssertionError(
          shouldHaveMxRecords(actual, "to have", exchange + " internet address = " + address));
    }
    return myself;
  }

  private static boolean same(String actualName, String expected) {
    String wanted =
        expected.endsWith(".") && expected.length() > 1
            ? expected.substring(0, expected.length() - 1)
            : expected;
    return actualName.equalsIgnoreCase(wanted);
  }

  private static boolean sameAddress(String actualAddress, String expected) {
    try {
      // Literal addresses only: getByName does not query DNS for them.
      return expected.matches("[0-9a-fA-F:.]+")
          && InetAddress.getByName(expected).getHostAddress().equals(actualAddress);
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
