package org.smtpunit.samples.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.smtpunit.SmtpSession;
import org.smtpunit.dns.MxRecords;
import org.smtpunit.junit.SmtpTarget;

/** The suite's MX class: it ignores the host override and connects by MX. */
@EnabledIfSystemProperty(named = "smtpunit.it", matches = "true")
@SmtpTarget(mx = "fabrikam.com")
class LabByMxTest {

  @Test
  void the_mx_class_connects_by_mx(MxRecords mx, SmtpSession smtp) {
    assertThat(mx).hasPrimaryExchange("mail1.fabrikam.com");
    assertThat(smtp.remoteHost()).isEqualTo("mail1.fabrikam.com");
    assertThat(smtp.greeting()).hasCode(220);
  }
}
