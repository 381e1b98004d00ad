package org.smtpunit.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smtpunit.ConnectFailure;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpConnectException;
import org.smtpunit.SmtpSession;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testing.TestDnsServer;
import org.smtpunit.testserver.WalkthroughScript;

/** Step 2 of the walkthrough against a real DNS wire protocol on loopback. */
class DnsTest {

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
  void reproduces_the_walkthroughs_nslookup_output_for_fabrikam() {
    MxRecords mx = dns.mx("fabrikam.com.");

    assertThat(mx.toString())
        .isEqualTo(
            "fabrikam.com mx preference=10, mail exchanger = mail1.fabrikam.com\n"
                + "fabrikam.com mx preference=20, mail exchanger = mail2.fabrikam.com\n"
                + "mail1.fabrikam.com\tinternet address = 192.168.1.10\n"
                + "mail2.fabrikam.com\tinternet address = 192.168.1.20\n");
    assertThat(mx)
        .hasSize(2)
        .hasPrimaryExchange("mail1.fabrikam.com")
        .hasExchangesInOrder("mail1.fabrikam.com", "mail2.fabrikam.com")
        .containsExchange("mail2.fabrikam.com", 20)
        .hasExchangeResolvingTo("mail1.fabrikam.com", "192.168.1.10");
    assertThat(mx.isImplicit()).isFalse();
    assertThat(mx.isNullMx()).isFalse();
  }

  @Test
  void names_are_absolute_with_or_without_the_trailing_dot() {
    int before = server.questions().size();

    dns.mx("fabrikam.com");
    dns.mx("fabrikam.com.");

    java.util.List<String> asked = server.questions();
    assertThat(asked.subList(before, asked.size()))
        .containsOnly("fabrikam.com.", "mail1.fabrikam.com.", "mail2.fabrikam.com.");
  }

  @Test
  void equal_preferences_are_ordered_by_exchange_name() {
    assertThat(dns.mx("equal.test"))
        .hasExchangesInOrder("mx-c.equal.test", "mx-a.equal.test", "mx-b.equal.test");
  }

  @Test
  void a_null_mx_says_the_domain_accepts_no_mail() {
    MxRecords mx = dns.mx("nullmx.test");

    assertThat(mx).isNullMx();
    assertThat(mx.primary()).isEmpty();
  }

  @Test
  void a_domain_with_only_addresses_has_an_implicit_mx_of_preference_0() {
    MxRecords mx = dns.mx("aonly.test");

    assertThat(mx).isImplicit().hasSize(1).containsExchange("aonly.test", 0);
    assertThat(mx.records().get(0).addresses())
        .extracting(InetAddress::getHostAddress)
        .containsExactly("127.0.3.1", "0:0:0:0:0:0:0:1");
  }

  @Test
  void follows_a_cnamed_exchanger_to_its_address() {
    assertThat(dns.mx("cname.test")).hasExchangeResolvingTo("alias.cname.test", "127.0.4.1");
  }

  @Test
  void an_exchanger_that_does_not_exist_keeps_its_record_with_no_address() {
    MxRecords mx = dns.mx("dangling.test");

    assertThat(mx).hasExchangesInOrder("gone.dangling.test", "up.fallback.test");
    assertThat(mx.records().get(0).addresses()).isEmpty();
    assertThat(mx).hasExchangeResolvingTo("up.fallback.test", "127.0.0.1");
    try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start(new WalkthroughScript());
        SmtpSession session = SmtpClient.defaults().open(mx, smtp.port())) {
      assertThat(session.remoteHost()).isEqualTo("up.fallback.test");
      assertThat(session.transcript().toString()).contains("=== MX 10 gone.dangling.test");
    }
  }

  @Test
  void retries_over_tcp_when_the_udp_answer_is_truncated() {
    int before = server.tcpQueries();

    MxRecords mx = dns.mx("big.test");

    assertThat(mx).hasSize(25).hasPrimaryExchange("exchanger-number-01.big.test");
    assertThat(server.tcpQueries()).isGreaterThan(before);
  }

  @Test
  void nxdomain_names_the_domain_the_server_and_the_timeout() {
    DnsLookupException e =
        catchThrowableOfType(DnsLookupException.class, () -> dns.mx("nowhere.test"));

    assertThat(e.reason()).isEqualTo(DnsLookupException.Reason.NXDOMAIN);
    assertThat(e.getMessage())
        .isEqualTo(
            "DNS lookup of MX (RCODE NXDOMAIN) records for nowhere.test failed: the name does not"
                + " exist (NXDOMAIN). Server asked: 127.0.0.1:"
                + server.port()
                + ", timeout 5000 ms.");
  }

  @Test
  void servfail_and_refused_are_told_apart_and_refusal_mentions_firewalls() {
    assertThat(
            catchThrowableOfType(DnsLookupException.class, () -> dns.mx("servfail.test")).reason())
        .isEqualTo(DnsLookupException.Reason.SERVFAIL);
    DnsLookupException refused =
        catchThrowableOfType(DnsLookupException.class, () -> dns.mx("refused.test"));
    assertThat(refused.reason()).isEqualTo(DnsLookupException.Reason.REFUSED);
    assertThat(refused.getMessage())
        .contains("A firewall or proxy may block queries to DNS servers");
  }

  @Test
  void a_name_with_neither_mx_nor_address_has_no_data() {
    assertThat(
            catchThrowableOfType(DnsLookupException.class, () -> dns.mx("txtonly.test")).reason())
        .isEqualTo(DnsLookupException.Reason.NO_DATA);
  }

  @Test
  void resolves_addresses_and_reverse_names() throws Exception {
    assertThat(dns.addresses("mail1.fabrikam.com"))
        .containsExactly(InetAddress.getByName("192.168.1.10"));
    assertThat(dns.reverse(InetAddress.getByName("127.0.0.1")))
        .containsExactly("mail1.fabrikam.com");
  }

  @Test
  void a_server_that_never_answers_times_out_with_the_firewall_note() throws Exception {
    DatagramSocket silent = null;
    ServerSocket silentTcp = null;
    // The kernel picks the UDP port; TCP may hold that number already, so try a few.
    for (int attempt = 0; attempt < 20 && silentTcp == null; attempt++) {
      silent = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
      try {
        silentTcp = new ServerSocket(silent.getLocalPort(), 1, InetAddress.getByName("127.0.0.1"));
      } catch (IOException taken) {
        silent.close();
      }
    }
    assertThat(silentTcp).as("a loopback port free for both UDP and TCP").isNotNull();
    try (DatagramSocket udp = silent;
        ServerSocket tcp = silentTcp) {
      Dns deaf =
          Dns.builder()
              .server("127.0.0.1", udp.getLocalPort())
              .timeout(Duration.ofMillis(300))
              .build();

      DnsLookupException e =
          catchThrowableOfType(DnsLookupException.class, () -> deaf.mx("fabrikam.com"));

      assertThat(e.reason()).isEqualTo(DnsLookupException.Reason.TIMEOUT);
      assertThat(e.getMessage())
          .contains("no answer within 300 ms")
          .contains("A firewall or proxy may block queries to DNS servers");
    }
  }

  @Test
  void mx_assertion_failures_print_the_records_like_nslookup() {
    MxRecords mx = dns.mx("fabrikam.com");

    assertThatThrownBy(() -> assertThat(mx).hasPrimaryExchange("mail2.fabrikam.com"))
        .hasMessage(
            String.format(
                "%nExpecting MX records of fabrikam.com:%n"
                    + "  fabrikam.com mx preference=10, mail exchanger = mail1.fabrikam.com%n"
                    + "  fabrikam.com mx preference=20, mail exchanger = mail2.fabrikam.com%n"
                    + "  mail1.fabrikam.com\tinternet address = 192.168.1.10%n"
                    + "  mail2.fabrikam.com\tinternet address = 192.168.1.20%n"
                    + "to have as primary exchanger:%n  mail2.fabrikam.com"));
    assertThatThrownBy(() -> assertThat(mx).isNullMx()).hasMessageEndingWith("a null MX (MX 0 .)");
    assertThatThrownBy(() -> assertThat(mx).isImplicit()).hasMessageContaining("an implicit MX");
    assertThatThrownBy(() -> assertThat(mx).hasSize(3))
        .hasMessageEndingWith(String.format("to have this many records:%n  3"));
    assertThatThrownBy(() -> assertThat(mx).containsExchange("mail1.fabrikam.com", 20))
        .hasMessageEndingWith("mx preference=20, mail exchanger = mail1.fabrikam.com");
    assertThatThrownBy(
            () -> assertThat(mx).hasExchangesInOrder("mail2.fabrikam.com", "mail1.fabrikam.com"))
        .hasMessageEndingWith("[mail2.fabrikam.com, mail1.fabrikam.com]");
    assertThatThrownBy(
            () -> assertThat(mx).hasExchangeResolvingTo("mail1.fabrikam.com", "10.0.0.1"))
        .hasMessageEndingWith("mail1.fabrikam.com internet address = 10.0.0.1");
  }

  @Test
  void open_by_mx_falls_back_to_the_next_exchanger_and_says_which_answered() {
    try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start(new WalkthroughScript())) {
      // down.fallback.test is 127.0.0.2, where nothing listens on this port; up is 127.0.0.1.
      MxRecords mx = dns.mx("fallback.test");

      try (SmtpSession session = SmtpClient.defaults().open(mx, smtp.port())) {
        assertThat(session.remoteHost()).isEqualTo("up.fallback.test");
        assertThat(session.remoteAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(session.transcript().toString())
            .contains("=== MX 10 down.fallback.test")
            .contains("=== MX 20 up.fallback.test");
      }
    }
  }

  @Test
  void open_by_mx_lists_every_attempt_when_none_answers() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = socket.getLocalPort();
    }
    MxRecords mx = dns.mx("fallback.test");
    SmtpClient client = SmtpClient.builder().connectTimeout(Duration.ofSeconds(2)).build();

    SmtpConnectException e =
        catchThrowableOfType(SmtpConnectException.class, () -> client.open(mx, closed));

    assertThat(e).hasFailure(ConnectFailure.REFUSED);
    assertThat(e.getMessage())
        .startsWith(
            "Could not open a connection to any mail exchanger of fallback.test on port "
                + closed
                + ". Attempts, most preferred first:\n"
                + "  - down.fallback.test [127.0.0.2]:"
                + closed
                + ": connection refused\n"
                + "  - up.fallback.test [127.0.0.1]:"
                + closed
                + ": connection refused\n"
                + "Likely causes:");
  }

  @Test
  void open_by_mx_refuses_a_null_mx_at_once() {
    SmtpConnectException e =
        catchThrowableOfType(
            SmtpConnectException.class, () -> SmtpClient.defaults().open(dns.mx("nullmx.test")));

    assertThat(e).hasFailure(ConnectFailure.NULL_MX);
    assertThat(e.getMessage()).contains("the domain accepts no mail (null MX, RFC 7505)");
  }
}
