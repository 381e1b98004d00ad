package org.smtpunit.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.TlsMode;
import org.smtpunit.checks.MailServerChecks;
import org.smtpunit.dns.DmarcRecord;
import org.smtpunit.dns.MtaSts;
import org.smtpunit.dns.TlsaRecord;

/**
 * {@code --checks security}: what mail administrators check next (open relay, SMTP smuggling,
 * STARTTLS, VRFY/EXPN leaks, reverse DNS against the target; SPF, DMARC, MTA-STS and DANE for the
 * recipient's domain). The outside recipient of the relay check is {@code smtpunit.sample.relay.to}
 * (default {@code smtpunit-relay-probe@example.org}); DATA is never sent to it. The smuggling
 * probes go to {@code --to} only.
 */
@WalkthroughSample
class SecurityChecksTest {

  private static MailServerChecks checks(SmtpClient client, SmtpSession smtp) {
    // The session the extension opened names the target (by --target or by MX); checks open their
    // own connections to it.
    return MailServerChecks.of(client, smtp.remoteHost(), smtp.remoteAddress().getPort());
  }

  private static String domain(Walkthrough w) {
    return w.mxDomain().orElse(w.recipientDomain());
  }

  /** The outside recipient of the relay check (RFC 2606's example.org); DATA never follows. */
  static final String OUTSIDER = "smtpunit-relay-probe@example.org";

  @Test
  void the_server_refuses_to_relay_for_outsiders(
      Walkthrough w, SmtpClient client, SmtpSession smtp) {
    assertThat(checks(client, smtp).openRelay(w.from(), OUTSIDER)).isRefused();
  }

  @Test
  void the_server_reads_non_standard_end_of_data_sequences_as_content(
      Walkthrough w, SmtpClient client, SmtpSession smtp) {
    assertThat(checks(client, smtp).smuggling(w.from(), w.to())).isNotVulnerable();
  }

  @Test
  void the_server_offers_starttls_and_completes_the_handshake(SmtpClient client, SmtpSession smtp) {
    assertThat(checks(client, smtp).startTls()).isOffered().hasTls();
  }

  @Test
  void vrfy_and_expn_do_not_tell_real_addresses_from_made_up_ones(
      Walkthrough w, SmtpClient client, SmtpSession smtp) {
    MailServerChecks checks = checks(client, smtp);
    assertThat(checks.vrfy(w.to())).doesNotLeak();
    assertThat(checks.expn(w.to())).doesNotLeak();
  }

  @Test
  void the_servers_address_has_forward_confirmed_reverse_dns_matching_its_greeting(
      Walkthrough w, SmtpClient client, SmtpSession smtp) {
    assertThat(checks(client, smtp).reverseDns(w.dns())).isForwardConfirmed().matchesGreeting();
  }

  @Test
  void the_domain_publishes_a_valid_spf_record_ending_in_fail_all(Walkthrough w) {
    assertThat(w.dns().spf(domain(w))).isValid().hasAllQualifier('-').hasLookupsAtMost(10);
  }

  @Test
  void the_domain_publishes_a_dmarc_policy_that_quarantines_or_rejects(Walkthrough w) {
    DmarcRecord dmarc = w.dns().dmarc(domain(w));
    assertThat(dmarc).isValid();
    assertThat(dmarc.effectivePolicy())
        .as("DMARC policy of %s", domain(w))
        .hasValueSatisfying(policy -> assertThat(policy).isIn("quarantine", "reject"));
  }

  @Test
  void an_mta_sts_policy_if_published_is_valid_and_enforcing(Walkthrough w) {
    Assumptions.assumeFalse(
        w.dns().txt("_mta-sts." + domain(w)).isEmpty(), "no _mta-sts record for " + domain(w));
    assertThat(MtaSts.lookup(w.dns(), domain(w))).isEnforcing();
  }

  @Test
  void the_servers_certificate_matches_its_tlsa_records_if_published(
      SmtpClient client, SmtpSession smtp, Walkthrough w) {
    // The TLSA name is the MX host name: the one connected to, or the greeting's for an address.
    String host =
        smtp.remoteHost().matches("[0-9.:\\[\\]]+")
            ? smtp.greeting().lines().get(0).split(" ")[0]
            : smtp.remoteHost();
    Assumptions.assumeTrue(
        host.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\.?"), "no host name for TLSA: " + host);
    List<TlsaRecord> records = w.dns().tlsa(smtp.remoteAddress().getPort(), host);
    Assumptions.assumeFalse(records.isEmpty(), "no TLSA records for " + host);
    // DANE authenticates by the TLSA records, not by a CA: certificate path checks are off here.
    SmtpClient dane =
        client.toBuilder().tls(TlsMode.STARTTLS).trustAnyCertificateInsecurely().build();
    try (SmtpSession tls = dane.open(smtp.remoteHost(), smtp.remoteAddress().getPort())) {
      assertThat(tls.tls().orElseThrow()).matchesTlsa(records);
    }
  }
}
