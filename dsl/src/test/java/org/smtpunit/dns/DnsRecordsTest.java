package org.smtpunit.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smtpunit.testing.TestDnsServer;

/** TXT, SPF, DMARC, TLSA and internationalized names against a real DNS wire protocol. */
class DnsRecordsTest {

  private static TestDnsServer server;
  private static Dns dns;

  @BeforeAll
  static void start() throws Exception {
    server = new TestDnsServer();
    dns = Dns.builder().server("127.0.0.1", server.port()).timeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void an_internationalized_domain_is_queried_by_its_a_label() {
    int before = server.questions().size();

    MxRecords mx = dns.mx("bücher.test");
    List<java.net.InetAddress> addresses = dns.addresses("mx.bücher.test.");

    assertThat(mx).hasPrimaryExchange("mx.xn--bcher-kva.test");
    assertThat(addresses)
        .extracting(java.net.InetAddress::getHostAddress)
        .containsExactly("127.0.5.1");
    List<String> asked = server.questions();
    assertThat(asked.subList(before, asked.size()))
        .contains("xn--bcher-kva.test.", "mx.xn--bcher-kva.test.")
        .allMatch(name -> name.chars().allMatch(c -> c < 0x80));
  }

  @Test
  void host_names_convert_to_a_labels_in_one_place() {
    assertThat(HostNames.toAscii("bücher.example")).isEqualTo("xn--bcher-kva.example");
    assertThat(HostNames.toAscii("Mail1.Fabrikam.com.")).isEqualTo("Mail1.Fabrikam.com.");
    assertThat(HostNames.toAscii("127.0.0.1")).isEqualTo("127.0.0.1");
    assertThatThrownBy(() -> HostNames.toAscii("ü".repeat(70) + ".example"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a domain name [");
  }

  @Test
  void txt_joins_each_records_strings_and_is_empty_for_a_name_without_any() {
    assertThat(dns.txt("_spf.fabrikam.com"))
        .containsExactly("v=spf1 ip4:192.168.1.0/24 ip6:2001:db8::/32 ~all");
    assertThat(dns.txt("nothing-here.test")).isEmpty();
    assertThat(dns.txt("mail1.fabrikam.com")).isEmpty();
  }

  @Test
  void a_good_spf_record_with_its_mechanisms_qualifiers_and_lookups() {
    SpfRecord spf = dns.spf("fabrikam.com");

    assertThat(spf).isValid().hasAllQualifier('-').hasLookupsAtMost(10);
    assertThat(spf.mechanisms())
        .containsExactly(
            new SpfMechanism('+', "mx", ""),
            new SpfMechanism('+', "include", "_spf.fabrikam.com"),
            new SpfMechanism('-', "all", ""));
    assertThat(spf.lookupCount()).isEqualTo(2);
    assertThat(dns.spf("_spf.fabrikam.com").mechanisms().get(1)).hasToString("+ip6:2001:db8::/32");
  }

  @Test
  void spf_permerrors_are_errors_in_the_result_never_exceptions() {
    assertThat(dns.spf("spf-none.test").errors())
        .containsExactly("No SPF record at spf-none.test: no TXT record starts with \"v=spf1\"");
    assertThat(dns.spf("spf-two.test").errors())
        .singleElement()
        .asString()
        .startsWith("2 SPF records at spf-two.test");
    assertThat(dns.spf("spf-syntax.test").errors())
        .containsExactly(
            "Syntax error in term [ip4:300.1.1.1]: not an address [300.1.1.1] (RFC 7208 §4.6.1, permerror)",
            "Syntax error in term [foo:bar]: unknown mechanism (RFC 7208 §4.6.1, permerror)",
            "Syntax error in term [include]: include needs a domain (RFC 7208 §4.6.1, permerror)");
    SpfRecord many = dns.spf("spf-many.test");
    assertThat(many.lookupCount()).isGreaterThan(10);
    assertThat(many.isValid()).isFalse();
    assertThat(many.errors()).anyMatch(e -> e.contains("more than the 10 RFC 7208 §4.6.4 allows"));
    assertThatThrownBy(() -> assertThat(many).hasLookupsAtMost(10))
        .hasMessageContaining(
            "to need at most:\n  10 DNS lookups\nbut it needs " + many.lookupCount());
    assertThatThrownBy(() -> assertThat(dns.spf("spf-two.test")).isValid())
        .isInstanceOf(AssertionError.class);
    assertThat(dns.spf("spf-loop.test").lookupCount()).isEqualTo(1);
    assertThat(dns.spf("spf-badinclude.test").errors())
        .containsExactly("Syntax error: [bad..name.test] is not a domain name (permerror)");
  }

  @Test
  void a_good_dmarc_record_with_every_tag() {
    DmarcRecord dmarc = dns.dmarc("fabrikam.com");

    assertThat(dmarc).isValid().hasPolicy("reject");
    assertThat(dmarc.recordDomain()).contains("fabrikam.com");
    assertThat(dmarc.subdomainPolicy()).contains("quarantine");
    assertThat(dmarc.percent()).isEqualTo(50);
    assertThat(dmarc.aggregateReportUris())
        .containsExactly("mailto:dmarc@fabrikam.com", "mailto:agg@contoso.com!10m");
    assertThat(dmarc.forensicReportUris()).containsExactly("mailto:forensic@fabrikam.com");
    assertThat(dmarc.dkimAlignment()).isEqualTo("s");
    assertThat(dmarc.spfAlignment()).isEqualTo("r");
  }

  @Test
  void a_subdomain_without_its_own_dmarc_record_inherits_the_organizational_domains_sp() {
    DmarcRecord dmarc = dns.dmarc("mail.sub.org.test");

    assertThat(dmarc.recordDomain()).contains("org.test");
    assertThat(dmarc.policy()).contains("quarantine");
    assertThat(dmarc).isValid().hasPolicy("reject");
    assertThat(server.questions())
        .contains("_dmarc.mail.sub.org.test.", "_dmarc.sub.org.test.", "_dmarc.org.test.");
  }

  @Test
  void dmarc_errors_are_errors_in_the_result_never_exceptions() {
    assertThat(dns.dmarc("dmarc-bad.test").errors())
        .containsExactly(
            "p=block is not none, quarantine or reject",
            "pct=150 is not a percentage 0 to 100",
            "rua holds [dmarc@fabrikam.com], which is not a URI (e.g. mailto:dmarc@fabrikam.com)",
            "adkim=x is not r (relaxed) or s (strict)");
    assertThat(dns.dmarc("dmarc-nop.test").errors())
        .containsExactly("The record has no p= tag: the policy is required (RFC 7489 §6.3)");
    assertThat(dns.dmarc("dmarc-two.test").errors())
        .singleElement()
        .asString()
        .startsWith("2 DMARC records");
    DmarcRecord none = dns.dmarc("dmarc-order.test");
    assertThat(none.recordDomain()).isEmpty();
    assertThat(none.errors())
        .singleElement()
        .asString()
        .startsWith("No DMARC record at _dmarc.dmarc-order.test");
    assertThatThrownBy(() -> assertThat(none).hasPolicy("reject"))
        .isInstanceOf(org.opentest4j.AssertionFailedError.class)
        .hasMessageContaining("to have policy:\n  reject\nbut it has none");
    assertThatThrownBy(() -> assertThat(dns.spf("fabrikam.com")).hasAllQualifier('~'))
        .isInstanceOfSatisfying(
            org.opentest4j.AssertionFailedError.class,
            e -> assertThat(e.getExpected().getStringRepresentation()).isEqualTo("~all"));
  }

  @Test
  void tlsa_records_of_a_service() {
    List<TlsaRecord> records = dns.tlsa(25, "mail1.fabrikam.com");

    assertThat(records)
        .containsExactlyInAnyOrder(
            new TlsaRecord(
                3, 1, 1, "0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6"),
            new TlsaRecord(2, 0, 2, "a1b2"));
    assertThat(dns.tlsa(465, "mail1.fabrikam.com")).isEmpty();
    assertThat(server.questions()).contains("_25._tcp.mail1.fabrikam.com.");
  }

  @Test
  void an_mta_sts_txt_record_without_a_usable_id_is_an_error_before_any_https_request() {
    MtaStsPolicy bad = MtaSts.lookup(dns, "sts-bad.test");
    MtaStsPolicy noId = MtaSts.lookup(dns, "sts-noid.test");
    MtaStsPolicy none = MtaSts.lookup(dns, "aonly.test");

    assertThat(bad.errors())
        .containsExactly("The id [not-valid!] is not 1 to 32 letters and digits (RFC 8461 §3.1)");
    assertThat(noId.errors()).singleElement().asString().contains("has no id= field");
    assertThat(none.errors())
        .singleElement()
        .asString()
        .startsWith("No MTA-STS record at _mta-sts.aonly.test");
    assertThat(none.id()).isEqualTo(Optional.empty());
    assertThatThrownBy(() -> assertThat(none).isEnforcing())
        .hasMessageContaining("a valid policy in enforce mode");
  }
}
