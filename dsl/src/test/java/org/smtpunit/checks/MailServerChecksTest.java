package org.smtpunit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpunit.SmtpClient;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testing.TestCertificates;

/** The security checks against scripted servers, each seen passing and failing. */
class MailServerChecksTest {

  private static final SmtpClient CLIENT =
      SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).clientDomain("contoso.com").build();

  @TempDir static Path certificates;
  private static TestCertificates.Certificate certificate;

  @BeforeAll
  static void certificate() {
    certificate =
        TestCertificates.create(
            certificates, "checks", "dns:mail1.fabrikam.com,ip:127.0.0.1", 0, 30);
  }

  private static MailServerChecks checks(ScriptedSmtpServer server) {
    return MailServerChecks.of(CLIENT, server.host(), server.port());
  }

  @Test
  void a_hardened_server_refuses_relaying_at_rcpt_and_no_data_is_ever_sent() {
    MiniMta mta = new MiniMta();
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(mta)) {
      RelayCheck relay =
          checks(server).openRelay("chris@contoso.com", "someone@northwindtraders.com");

      assertThat(relay).isRefused();
      assertThat(relay).rcptReply().hasCode(554).hasEnhancedStatus("5.7.1");
      assertThat(relay).transcript().containsCommand("RSET");
      assertThat(relay.isInconclusive()).isFalse();
      assertThat(mta.commands)
          .containsExactly(
              "EHLO contoso.com",
              "MAIL FROM:<chris@contoso.com>",
              "RCPT TO:<someone@northwindtraders.com>",
              "RSET",
              "QUIT");
    }
  }

  @Test
  void an_open_relay_fails_is_refused_with_the_rcpt_reply_and_still_gets_no_data() {
    MiniMta mta = new MiniMta();
    mta.openRelay = true;
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(mta)) {
      RelayCheck relay =
          checks(server).openRelay("chris@contoso.com", "someone@northwindtraders.com");

      assertThat(relay.refused()).isFalse();
      assertThatThrownBy(() -> assertThat(relay).isRefused())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "to refuse relaying from <chris@contoso.com> to <someone@northwindtraders.com>")
          .hasMessageContaining(
              "OPEN RELAY: RCPT TO:<someone@northwindtraders.com> for an outside sender was accepted: 250 2.1.5 Ok")
          .hasMessageContaining("Transcript");
      assertThat(mta.commands).doesNotContain("DATA");
      assertThat(mta.delivered).isEmpty();
    }
  }

  @Test
  void a_server_that_drops_the_connection_mid_check_is_inconclusive_and_its_assertion_says_so() {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 mail1.fabrikam.com ESMTP\r\n");
              c.readLine();
              c.send("250 mail1.fabrikam.com\r\n");
              c.readLine();
            })) {
      RelayCheck relay =
          checks(server).openRelay("chris@contoso.com", "someone@northwindtraders.com");

      assertThat(relay.isInconclusive()).isTrue();
      assertThat(relay.refused()).isFalse();
      assertThat(relay.reason())
          .startsWith("the conversation broke at MAIL FROM before the check could decide");
      assertThatThrownBy(() -> assertThat(relay).isRefused())
          .hasMessageContaining(
              "but the check was INCONCLUSIVE (an inconclusive check is never a pass)");
    }
  }

  @Test
  void a_server_lenient_about_bare_lf_is_vulnerable_to_the_lf_variants_only() {
    MiniMta mta = new MiniMta();
    mta.lenientEndOfData = true;
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(mta)) {
      SmugglingCheck smuggling = checks(server).smuggling("chris@contoso.com", "kate@fabrikam.com");

      assertThat(smuggling.variantsAccepted())
          .containsExactly("<LF>.<LF>", "<LF>.<CR><LF>", "<CR><LF>.<LF>");
      assertThat(smuggling.probes()).hasSize(7);
      assertThatThrownBy(() -> assertThat(smuggling).isNotVulnerable())
          .hasMessageContaining("<LF>.<LF>: ACCEPTED");
      // The smuggled messages went to the named recipient, and nowhere else.
      assertThat(mta.recipients).containsOnly("kate@fabrikam.com");
      // Seven probes, plus smuggled parts the server got to before the client hung up.
      assertThat(mta.delivered.size()).isBetween(7, 10);
      assertThat(mta.delivered).allMatch(m -> m.startsWith("kate@fabrikam.com: "));
      assertThat(mta.delivered)
          .allMatch(
              m ->
                  m.contains("This message is a probe")
                      || m.contains("This smuggled message is a probe"));
    }
  }

  @Test
  void a_strict_server_reads_every_variant_as_content() {
    MiniMta mta = new MiniMta();
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(mta)) {
      SmugglingCheck smuggling = checks(server).smuggling("chris@contoso.com", "kate@fabrikam.com");

      assertThat(smuggling).isNotVulnerable();
      assertThat(smuggling.isInconclusive()).isFalse();
      assertThat(mta.recipients).containsOnly("kate@fabrikam.com");
      assertThat(mta.delivered).hasSize(7);
    }
  }

  @Test
  void smuggling_probes_for_a_recipient_the_server_refuses_are_inconclusive() {
    MiniMta mta = new MiniMta();
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(mta)) {
      SmugglingCheck smuggling =
          checks(server).smuggling("chris@contoso.com", "nobody@northwindtraders.com");

      assertThat(smuggling.isInconclusive()).isTrue();
      assertThat(mta.commands).doesNotContain("DATA");
      assertThatThrownBy(() -> assertThat(smuggling).isNotVulnerable())
          .hasMessageContaining("INCONCLUSIVE");
    }
  }

  @Test
  void starttls_required_before_mail_and_auth_with_the_tls_details() {
    MiniMta mta = new MiniMta();
    mta.tls = certificate.serverContext();
    mta.tlsRequired = true;
    SmtpClient trusting = CLIENT.toBuilder().trust(certificate.trustStore()).build();
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(mta)) {
      StartTlsCheck check = MailServerChecks.of(trusting, "127.0.0.1", server.port()).startTls();

      assertThat(check).isRequired().isOffered().isRequiredBeforeAuth().hasTls();
      assertThat(check.mailBeforeTls().orElseThrow()).hasCode(530);
      assertThat(check).tls().hasCertificateFor("mail1.fabrikam.com");
    }
  }

  @Test
  void starttls_not_offered_fails_is_offered_and_is_required() {
    MiniMta mta = new MiniMta();
    mta.authInPlainText = true;
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(mta)) {
      StartTlsCheck check = checks(server).startTls();

      assertThat(check.offered()).isFalse();
      assertThat(check.requiredBeforeMail()).isFalse();
      assertThat(check.requiredBeforeAuth()).isFalse();
      assertThatThrownBy(() -> assertThat(check).isOffered())
          .hasMessageContaining("to offer STARTTLS")
          .hasMessageContaining(
              "STARTTLS NOT offered, mail accepted in plain text, AUTH offered in plain text");
      assertThatThrownBy(() -> assertThat(check).isRequired()).isInstanceOf(AssertionError.class);
    }
  }

  @Test
  void vrfy_252_for_the_real_user_and_550_for_a_made_up_one_leaks() {
    MiniMta mta = new MiniMta();
    mta.vrfy = MiniMta.Vrfy.POSTFIX;
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(mta)) {
      LeakCheck leak = checks(server).vrfy("kate@fabrikam.com");

      assertThat(leak.leaks()).isTrue();
      assertThat(leak.reply().orElseThrow()).hasCode(252);
      assertThat(leak.madeUpReply().orElseThrow()).hasCode(550);
      assertThat(leak.madeUp()).startsWith("smtpunit-nobody-").endsWith("@fabrikam.com");
      assertThatThrownBy(() -> assertThat(leak).doesNotLeak())
          .hasMessageContaining("the replies tell a real address from a made-up one");
    }
  }

  @Test
  void vrfy_250_naming_the_user_leaks_and_a_disabled_vrfy_does_not() {
    MiniMta talkative = new MiniMta();
    talkative.vrfy = MiniMta.Vrfy.TALKATIVE;
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(talkative)) {
      assertThat(checks(server).vrfy("kate").leaks()).isTrue();
    }
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(new MiniMta())) {
      LeakCheck vrfy = checks(server).vrfy("kate@fabrikam.com");
      LeakCheck expn = checks(server).expn("staff@fabrikam.com");

      assertThat(vrfy).doesNotLeak();
      assertThat(expn).doesNotLeak();
      assertThat(expn.reply().orElseThrow()).hasCode(502);
    }
  }

  @Test
  void leak_check_refuses_an_argument_that_would_put_a_line_break_on_the_wire() {
    MailServerChecks checks = MailServerChecks.of(CLIENT, "127.0.0.1", 25);

    assertThatThrownBy(() -> checks.vrfy("kate\r\nRCPT TO:<x@y>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nothing was sent");
    assertThatThrownBy(
            () -> checks.smuggling("chris@contoso.com", "kate@fabrikam.com>\r\nRCPT TO:<x@y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void soft_assertions_collect_every_failed_check() {
    MiniMta mta = new MiniMta();
    mta.openRelay = true;
    mta.vrfy = MiniMta.Vrfy.POSTFIX;
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(mta)) {
      MailServerChecks checks = checks(server);
      org.smtpunit.assertions.SmtpSoftAssertions softly =
          new org.smtpunit.assertions.SmtpSoftAssertions();

      softly
          .assertThat(checks.openRelay("chris@contoso.com", "x@northwindtraders.com"))
          .isRefused();
      softly.assertThat(checks.vrfy("kate@fabrikam.com")).doesNotLeak();
      softly.assertThat(checks.startTls()).isOffered();

      assertThat(softly.errorsCollected()).hasSize(3);
    }
  }

  @Test
  void checks_by_mx_connect_to_the_first_exchanger_that_answers() throws Exception {
    MiniMta mta = new MiniMta();
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(mta)) {
      org.smtpunit.dns.MxRecords mx =
          new org.smtpunit.dns.MxRecords(
              "fabrikam.com",
              java.util.List.of(
                  new org.smtpunit.dns.MxRecord(
                      10,
                      "mail1.fabrikam.com",
                      java.util.List.of(java.net.InetAddress.getByName("127.0.0.1")))),
              false);

      RelayCheck relay =
          MailServerChecks.of(CLIENT, mx, server.port())
              .openRelay("chris@contoso.com", "x@example.org");

      assertThat(relay).isRefused();
      assertThat(MailServerChecks.of(CLIENT, mx))
          .hasToString("MailServerChecks[MX of fabrikam.com]");
    }
  }

  @Test
  void a_server_that_drops_the_connection_mid_probe_leaves_smuggling_inconclusive_never_passed() {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 mail1.fabrikam.com ESMTP\r\n");
              c.readLine();
              c.send("250 mail1.fabrikam.com\r\n");
              c.readLine();
              c.send("250 2.1.0 Ok\r\n");
              c.readLine();
              c.send("250 2.1.5 Ok\r\n");
              c.readLine();
              c.send("354 go ahead\r\n");
              c.readLine();
            })) {
      SmugglingCheck smuggling = checks(server).smuggling("chris@contoso.com", "kate@fabrikam.com");

      assertThat(smuggling.isVulnerable()).isFalse();
      assertThat(smuggling.isInconclusive()).isTrue();
      assertThat(smuggling.probes()).allMatch(SmugglingProbe::inconclusive);
      assertThat(smuggling.probes().get(0).reason())
          .isEqualTo(
              "the conversation broke at content before the check could decide: Connection closed at"
                  + " content: the server closed the connection before replying. The outcome is"
                  + " unknown: the server may have accepted the message before it closed, so it was"
                  + " not re-sent");
      assertThatThrownBy(() -> assertThat(smuggling).isNotVulnerable())
          .hasMessageContaining("but the check was INCONCLUSIVE");
    }
  }

  @Test
  void an_untrusted_certificate_is_offered_but_fails_has_tls_with_the_reason() {
    MiniMta mta = new MiniMta();
    mta.tls = certificate.serverContext();
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(mta)) {
      StartTlsCheck check = checks(server).startTls();

      assertThat(check).isOffered();
      assertThat(check.tls()).isEmpty();
      assertThat(check.isInconclusive()).isFalse();
      assertThat(check.reason()).contains("the TLS handshake FAILED");
      assertThatThrownBy(() -> assertThat(check).hasTls())
          .hasMessageContaining("to complete the TLS handshake after STARTTLS");
    }
  }

  @Test
  void a_temporary_failure_to_vrfy_is_inconclusive() {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start(
            c -> {
              c.send("220 mail1.fabrikam.com ESMTP\r\n");
              c.readLine();
              c.send("250 mail1.fabrikam.com\r\n");
              c.readLine();
              c.send("450 4.7.1 try again later\r\n");
              c.readLine();
              c.send("450 4.7.1 try again later\r\n");
              c.drain();
            })) {
      LeakCheck leak = checks(server).vrfy("kate@fabrikam.com");

      assertThat(leak.leaks()).isFalse();
      assertThat(leak.isInconclusive()).isTrue();
      assertThatThrownBy(() -> assertThat(leak).doesNotLeak()).hasMessageContaining("INCONCLUSIVE");
    }
  }
}
