package org.smtpunit.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.dns.MxRecord;
import org.smtpunit.dns.MxRecords;

/**
 * Step 2: {@code nslookup}, {@code set type=mx}, {@code set timeout=20}, {@code fabrikam.com.}.
 * Runs when a domain is named ({@code --mx}); the DNS server is {@code --dns-server} or the
 * machine's.
 */
@WalkthroughSample
class Step2MxLookupTest {

  private static String domain(Walkthrough w) {
    Assumptions.assumeTrue(
        w.mxDomain().isPresent(), "no domain to look up: run with --mx fabrikam.com (smtpunit.mx)");
    return w.mxDomain().get();
  }

  @Test
  void the_domain_has_mail_exchangers_ordered_by_preference_each_with_an_address(Walkthrough w) {
    MxRecords mx = w.dns().mx(domain(w) + ".");

    assertThat(mx.isNullMx())
        .as("%s publishes a null MX: it accepts no mail", mx.domain())
        .isFalse();
    assertThat(mx.records())
        .isNotEmpty()
        .isSortedAccordingTo((a, b) -> Integer.compare(a.preference(), b.preference()))
        .allSatisfy(
            r -> assertThat(r.addresses()).as("addresses of %s", r.exchange()).isNotEmpty());
    w.expectedMx()
        .ifPresent(
            expected -> {
              String[][] pinned =
                  Arrays.stream(expected.split(","))
                      .map(e -> e.trim().split("\\s+"))
                      .toArray(String[][]::new);
              assertThat(mx).hasSize(pinned.length);
              for (String[] entry : pinned) {
                assertThat(mx).containsExchange(entry[1], Integer.parseInt(entry[0]));
              }
              assertThat(mx)
                  .hasExchangesInOrder(Arrays.stream(pinned).map(e -> e[1]).toArray(String[]::new));
            });
  }

  @Test
  void the_most_preferred_exchanger_that_answers_greets_with_220(Walkthrough w, SmtpClient client) {
    MxRecords mx = w.dns().mx(domain(w));

    try (SmtpSession smtp = client.open(mx)) {
      assertThat(smtp.greeting()).hasCode(220);
      assertThat(mx.records()).extracting(MxRecord::exchange).contains(smtp.remoteHost());
    }
  }
}
