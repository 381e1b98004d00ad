package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.assertions.SmtpAssertions;
import org.smtpunit.junit.EmbeddedMailServer;
import org.smtpunit.junit.SmtpTarget;

/** What a user injects, on the user's own JUnit: one session per test, shared with BeforeEach. */
@SmtpTarget
class InjectedSessionTest {

  private SmtpSession fromBeforeEach;

  @BeforeEach
  void greet(SmtpSession smtp) {
    fromBeforeEach = smtp;
    SmtpAssertions.assertThat(smtp.ehlo("contoso.com")).isSuccess();
  }

  @Test
  void before_each_and_the_test_share_one_open_session(SmtpSession smtp) {
    assertThat(smtp).isSameAs(fromBeforeEach);
    assertThat(smtp.isOpen()).isTrue();
    SmtpAssertions.assertThat(smtp.greeting()).hasCode(220);
    SmtpAssertions.assertThat(smtp.mailFrom("chris@contoso.com")).isSuccess();
    assertThat(smtp.transcript().toString()).contains("EHLO contoso.com", "MAIL FROM:");
  }

  @Test
  void a_second_session_opens_through_the_injected_client(
      SmtpClient client, EmbeddedMailServer server) {
    try (SmtpSession second = client.open(server.host(), server.port())) {
      SmtpAssertions.assertThat(second.greeting()).hasCode(220);
      SmtpAssertions.assertThat(second.quit()).hasCode(221);
    }
  }
}
