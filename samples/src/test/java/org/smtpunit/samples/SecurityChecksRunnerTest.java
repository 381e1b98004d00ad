package org.smtpunit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.smtpunit.testing.TestDnsServer;

/** {@code --checks security} end to end, against the embedded server and the test DNS server. */
class SecurityChecksRunnerTest {

  private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    return SmtpUnitRunner.run(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  @Test
  void the_embedded_server_relays_for_anyone_so_the_security_suite_exits_1_with_the_evidence()
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (TestDnsServer dns = new TestDnsServer()) {
      int status = run(out, err, "--checks", "security", "--dns-server", "127.0.0.1:" + dns.port());

      String report = out.toString(StandardCharsets.UTF_8);
      assertThat(status).as(report).isEqualTo(1);
      assertThat(report)
          .contains("FAIL    SecurityChecksTest > the_server_refuses_to_relay_for_outsiders (")
          .contains("OPEN RELAY: RCPT TO:<smtpunit-relay-probe@example.org>")
          .contains(
              "PASS    SecurityChecksTest > the_domain_publishes_a_valid_spf_record_ending_in_fail_all (")
          .contains(
              "PASS    SecurityChecksTest > the_domain_publishes_a_dmarc_policy_that_quarantines_or_rejects (")
          .doesNotContain("Step3ConversationTest");
    }
  }

  @Test
  void an_unknown_suite_is_bad_usage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = run(out, err, "--checks", "performance");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--checks").contains("performance");
  }
}
