package org.smtpunit.samples.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.smtpunit.SmtpSession;
import org.smtpunit.TlsMode;
import org.smtpunit.junit.SmtpTarget;

/** The suite's submission class: under the host override it stays on 587 with STARTTLS. */
@EnabledIfSystemProperty(named = "smtpunit.it", matches = "true")
@SmtpTarget(value = "hub.contoso.com:587", name = "submission", tls = TlsMode.STARTTLS)
class LabSubmissionTest {

  @Test
  void the_submission_class_stays_on_587_with_starttls(SmtpSession smtp) {
    assertThat(smtp.remoteAddress().getPort()).isEqualTo(587);
    assertThat(smtp.tls()).isPresent();
    assertThat(smtp.ehlo("contoso.com")).supportsAuthMechanism("PLAIN");
  }
}
