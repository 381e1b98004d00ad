package org.smtpunit.samples.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.dns.MxRecord;
import org.smtpunit.junit.MxSource;
import org.smtpunit.junit.SmtpTarget;

/**
 * One test per exchanger of the lab's fabrikam.com, read from the lab's dnsmasq through {@code
 * smtpunit.dns.server}: mail1 (10) then mail2 (20); the most preferred one greets.
 */
@EnabledIfSystemProperty(named = "smtpunit.it", matches = "true")
@SmtpTarget
class LabMxSourceTest {

  @ParameterizedTest
  @MxSource("fabrikam.com")
  void each_exchanger_of_the_lab_domain_gets_its_own_test(MxRecord mx, SmtpClient client) {
    assertThat(mx.exchange()).isIn("mail1.fabrikam.com", "mail2.fabrikam.com");
    if (mx.preference() == 10) {
      assertThat(mx.exchange()).isEqualTo("mail1.fabrikam.com");
      try (SmtpSession smtp = client.open(mx, 25)) {
        assertThat(smtp.greeting()).hasCode(220);
      }
    } else {
      assertThat(mx.preference()).isEqualTo(20);
      assertThat(mx.exchange()).isEqualTo("mail2.fabrikam.com");
    }
  }
}
