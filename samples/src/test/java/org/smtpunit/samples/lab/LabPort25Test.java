package org.smtpunit.samples.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.smtpunit.SmtpSession;
import org.smtpunit.junit.SmtpTarget;

/**
 * One class of a Fabrikam suite's three shapes (port 25, submission on 587, by MX), run by
 * src/it/suites/run.sh against the lab under {@code -Dsmtpunit.target=127.0.0.1}: each class must
 * keep its port and way of connecting.
 */
@EnabledIfSystemProperty(named = "smtpunit.it", matches = "true")
@SmtpTarget("mail1.fabrikam.com")
class LabPort25Test {

  @Test
  void the_port_25_class_stays_on_port_25(SmtpSession smtp) {
    assertThat(smtp.remoteAddress().getPort()).isEqualTo(25);
    assertThat(smtp.ehlo("contoso.com")).isSuccess();
  }
}
