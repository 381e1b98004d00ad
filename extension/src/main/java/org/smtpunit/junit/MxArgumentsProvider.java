package org.smtpunit.junit;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.smtpunit.dns.Dns;
import org.smtpunit.dns.DnsLookupException;
import org.smtpunit.dns.MxRecord;
import org.smtpunit.dns.MxRecords;

/**
 * The provider behind {@link MxSource}: looks up the domain's MX records with the extension's DNS
 * settings and provides each exchanger, named {@code mail1.fabrikam.com (10)}.
 *
 * <p>JUnit compatibility, 5.10 to 6.x: it implements {@code provideArguments(ExtensionContext)},
 * the one method every version has (5.13 added a two-argument form whose default calls it).
 * Invocations are named with {@code Arguments.argumentSet} where it exists (5.11+), so the name
 * shows without a parameter name; on 5.10 with {@link Named}.
 */
final class MxArgumentsProvider implements ArgumentsProvider, AnnotationConsumer<MxSource> {

  private static final boolean HAS_ARGUMENT_SET = hasArgumentSet();

  private String domain;

  @Override
  public void accept(MxSource source) {
    this.domain = source.value();
  }

  @Override
  @SuppressWarnings("deprecation")
  public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
    Dns dns =
        context
            .getConfigurationParameter(SmtpTarget.DNS_SERVER_PROPERTY_NAME)
            .map(v -> HostPort.parse(SmtpTarget.DNS_SERVER_PROPERTY_NAME, v, 53))
            .map(server -> Dns.builder().server(server.host(), server.port()).build())
            .orElseGet(Dns::systemDefault);
    // The lookup runs when JUnit consumes the stream: from 5.13 on, an exception thrown here
    // directly would be wrapped in a JUnitException that hides the DNS reason.
    return Stream.of(domain).flatMap(d -> exchangers(dns, d)).map(MxArgumentsProvider::named);
  }

  private static Stream<MxRecord> exchangers(Dns dns, String domain) {
    MxRecords mx = dns.mx(domain);
    if (mx.isNullMx()) {
      throw new DnsLookupException(
          "@MxSource(\""
              + domain
              + "\"): "
              + mx.domain()
              + " publishes a null MX (RFC 7505, MX 0 .): it accepts no mail, so there is no"
              + " exchanger to test (asked "
              + dns.server()
              + ")",
          DnsLookupException.Reason.NO_DATA,
          null);
    }
    return mx.records().stream();
  }

  private static Arguments named(MxRecord record) {
    String name = record.exchange() + " (" + record.preference() + ")";
    // Linked only when it exists: the JVM resolves a method reference on first execution.
    return HAS_ARGUMENT_SET
        ? Arguments.argumentSet(name, record)
        : Arguments.of(Named.of(name, record));
  }

  private static boolean hasArgumentSet() {
    try {
      Arguments.class.getMethod("argumentSet", String.class, Object[].class);
      return true;
    } catch (NoSuchMethodException e) {
      return false; // JUnit 5.10
    }
  }
}
