package org.smtpunit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smtpunit.SmtpClient;
import org.smtpunit.dns.Dns;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testing.TestDnsServer;

/** The reverse DNS check against scripted servers on loopback addresses the test zone names. */
class ReverseDnsCheckTest {

  private static final SmtpClient CLIENT =
      SmtpClient.builder().replyTimeout(Duration.ofSeconds(5)).clientDomain("contoso.com").build();

  private static TestDnsServer dnsServer;
  private static Dns dns;

  @BeforeAll
  static void start() throws Exception {
    dnsServer = new TestDnsServer();
    dns =
        Dns.builder().server("127.0.0.1", dnsServer.port()).timeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    dnsServer.close();
  }

  @Test
  void a_server_whose_ptr_name_resolves_back_and_names_itself_so_passes() throws Exception {
    MiniMta mta = new MiniMta();
    mta.hostName = "mx6.fabrikam.com";
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start(InetAddress.getByName("127.0.0.6"), mta)) {
      ReverseDnsCheck rdns =
          MailServerChecks.of(CLIENT, "127.0.0.6", server.port()).reverseDns(dns);

      assertThat(rdns).isForwardConfirmed().matchesGreeting();
      assertThat(rdns.address().getHostAddress()).isEqualTo("127.0.0.6");
      assertThat(rdns.ptrNames()).containsExactly("mx6.fabrikam.com");
      assertThat(rdns.confirmedNames()).containsExactly("mx6.fabrikam.com");
      assertThat(rdns.greetingName()).isEqualTo("mx6.fabrikam.com");
      assertThat(rdns.ehloName()).isEqualTo("mx6.fabrikam.com");
    }
  }

  @Test
  void a_ptr_name_that_resolves_elsewhere_is_not_forward_confirmed() {
    MiniMta mta = new MiniMta();
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(mta)) {
      ReverseDnsCheck rdns =
          MailServerChecks.of(CLIENT, "127.0.0.1", server.port()).reverseDns(dns);

      // 127.0.0.1 has PTR mail1.fabrikam.com, whose address is 192.168.1.10.
      assertThat(rdns.ptrNames()).containsExactly("mail1.fabrikam.com");
      assertThat(rdns.isForwardConfirmed()).isFalse();
      assertThat(rdns.matchesGreeting()).isTrue();
      assertThatThrownBy(() -> assertThat(rdns).isForwardConfirmed())
          .hasMessageContaining("to have a PTR name that resolves back to its address")
          .hasMessageContaining("mail1.fabrikam.com does not resolve back to 127.0.0.1");
    }
  }

  @Test
  void a_greeting_naming_another_host_does_not_match() throws Exception {
    MiniMta mta = new MiniMta();
    mta.hostName = "localhost.localdomain";
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start(InetAddress.getByName("127.0.0.6"), mta)) {
      ReverseDnsCheck rdns =
          MailServerChecks.of(CLIENT, "127.0.0.6", server.port()).reverseDns(dns);

      assertThat(rdns).isForwardConfirmed();
      assertThatThrownBy(() -> assertThat(rdns).matchesGreeting())
          .hasMessageContaining("greeting names [localhost.localdomain]");
    }
  }

  @Test
  void an_address_without_ptr_is_a_conclusive_failure_and_a_dead_dns_is_inconclusive()
      throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start(InetAddress.getByName("127.0.0.7"), new MiniMta())) {
      MailServerChecks checks = MailServerChecks.of(CLIENT, "127.0.0.7", server.port());
      ReverseDnsCheck none = checks.reverseDns(dns);
      Dns dead = Dns.builder().server("127.0.0.1", 9).timeout(Duration.ofMillis(300)).build();
      ReverseDnsCheck broken = checks.reverseDns(dead);

      assertThat(none.isInconclusive()).isFalse();
      assertThat(none.reason()).isEqualTo("127.0.0.7 has no PTR record");
      assertThat(broken.isInconclusive()).isTrue();
      assertThatThrownBy(() -> assertThat(broken).isForwardConfirmed())
          .hasMessageContaining("INCONCLUSIVE");
    }
  }
}
