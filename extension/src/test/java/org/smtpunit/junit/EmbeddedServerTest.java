package org.smtpunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import jakarta.mail.util.StreamProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.smtpunit.MailMessage;
import org.smtpunit.ReceivedMessage;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;

/** The embedded server: each test sees only the mail its own sessions delivered. */
class EmbeddedServerTest {

  @TempDir static Path transcripts;

  static void deliver(SmtpSession smtp, String subject) {
    assertThat(smtp.ehlo("contoso.com")).hasCode(250);
    assertThat(smtp.mailFrom("chris@contoso.com")).hasCode(250);
    assertThat(smtp.rcptTo("kate@fabrikam.com")).hasCode(250);
    assertThat(smtp.send(MailMessage.raw("Subject: " + subject + "\r\n\r\nbody"))).hasCode(250);
  }

  @SmtpTarget
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class TwoTestsTestCase {
    @Test
    @Order(1)
    void first(SmtpSession smtp, EmbeddedMailServer server) {
      server.addUser("kate@fabrikam.com", "kates-password");
      deliver(smtp, "first");
      assertThat(server.awaitMessages(1, Duration.ofSeconds(5))).hasSize(1);
    }

    @Test
    @Order(2)
    void second(SmtpSession smtp, EmbeddedMailServer server) {
      deliver(smtp, "second");
      List<ReceivedMessage> messages = server.awaitMessages(1, Duration.ofSeconds(5));
      assertThat(messages).hasSize(1);
      assertThat(messages.get(0)).hasSubject("second");
    }
  }

  @Test
  void the_second_test_of_a_class_sees_only_its_own_message() {
    ExtensionTestKit.run(TwoTestsTestCase.class, transcripts, Map.of())
        .testEvents()
        .assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @SmtpTarget
  static class ConcurrentTestCase {
    static final CountDownLatch bothDelivered = new CountDownLatch(2);

    @Test
    void one(SmtpSession smtp, EmbeddedMailServer server) throws InterruptedException {
      check(smtp, server, "one");
    }

    @Test
    void two(SmtpSession smtp, EmbeddedMailServer server) throws InterruptedException {
      check(smtp, server, "two");
    }

    private static void check(SmtpSession smtp, EmbeddedMailServer server, String subject)
        throws InterruptedException {
      deliver(smtp, subject);
      // Both have delivered before either looks: a shared server would show two messages.
      bothDelivered.countDown();
      assertThat(bothDelivered.await(10, TimeUnit.SECONDS)).isTrue();
      List<ReceivedMessage> messages = server.receivedMessages();
      assertThat(messages).hasSize(1);
      assertThat(messages.get(0)).hasSubject(subject);
    }
  }

  @Test
  void concurrent_tests_each_see_only_their_own_message() {
    ExtensionTestKit.run(
            ConcurrentTestCase.class,
            transcripts,
            Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"))
        .testEvents()
        .assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @SmtpTarget
  static class OwnSessionsTestCase {
    @Test
    void viaClient(SmtpClient client, EmbeddedMailServer server) {
      try (SmtpSession smtp = client.open(server.host(), server.port())) {
        deliver(smtp, "own");
      }
      assertThat(server.awaitMessages(1, Duration.ofSeconds(5)).get(0)).hasSubject("own");
    }
  }

  @Test
  void sessions_opened_from_the_injected_client_deliver_to_the_test_s_server() {
    ExtensionTestKit.run(OwnSessionsTestCase.class, transcripts, Map.of())
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
  }

  private static EngineExecutionResults run(Class<?> fixture, Map<String, String> config) {
    return ExtensionTestKit.run(fixture, transcripts, config);
  }

  @SmtpTarget
  static class EmbeddedWalkthroughTestCase {
    @Test
    void walkthrough(SmtpSession smtp, EmbeddedMailServer server) {
      assertThat(smtp.greeting()).hasCode(220);
      assertThat(smtp.ehlo("contoso.com")).isSuccess().hasCode(250);
      assertThat(smtp.mailFrom("chris@contoso.com")).hasCode(250);
      assertThat(smtp.rcptTo("kate@fabrikam.com")).hasCode(250);
      assertThat(smtp.data()).hasCode(354);
      assertThat(
              smtp.content(
                  MailMessage.raw("Subject:Test from Contoso\r\n\r\nThis is a test message")))
          .hasCode(250);
      assertThat(smtp.quit()).hasCode(221);
      assertThat(server.awaitMessages(1, Duration.ofSeconds(5)).get(0))
          .hasSubject("Test from Contoso")
          .hasRecipient("kate@fabrikam.com")
          .hasBodyContaining("This is a test message");
    }
  }

  @Test
  void a_walkthrough_class_passes_against_the_embedded_server() {
    run(EmbeddedWalkthroughTestCase.class, Map.of())
        .testEvents()
        .assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @SmtpTarget
  static class OuterTestCase {
    static EmbeddedMailServer outerServer;

    @BeforeAll
    static void remember() {}

    @Test
    void outer(EmbeddedMailServer server) {
      outerServer = server;
    }

    @Nested
    class Inner {
      @Test
      void inner(SmtpSession smtp, EmbeddedMailServer server) {
        assertThat(smtp.ehlo("contoso.com")).hasCode(250);
        assertThat(server).isSameAs(outerServer);
      }
    }
  }

  @Test
  void nested_classes_inherit_the_target_and_share_the_embedded_server() {
    run(OuterTestCase.class, Map.of()).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @SmtpTarget
  static class ManyTransactionsTestCase {
    @Test
    void twoHundredTransactions(SmtpClient client, EmbeddedMailServer server) {
      for (int i = 0; i < 200; i++) {
        try (SmtpSession smtp = client.open(server.host(), server.port())) {
          smtp.ehlo("contoso.com");
          smtp.mailFrom("chris@contoso.com");
          smtp.rcptTo("kate@fabrikam.com");
          assertThat(smtp.send(MailMessage.raw("Subject: " + i + "\r\n\r\nThis is a test message")))
              .hasCode(250);
          smtp.quit();
        }
      }
      assertThat(server.noDelaySockets()).isGreaterThanOrEqualTo(200);
    }
  }

  @Test
  void the_embedded_server_answers_without_nagle_stalls() {
    // The benchmark measures the rate; this test proves the mechanism (TCP_NODELAY on every
    // accepted socket) and that 200 walkthrough transactions complete.
    run(ManyTransactionsTestCase.class, Map.of())
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
  }

  @Test
  void the_embedded_server_names_jakarta_mail_s_stream_provider_instead_of_a_lookup_per_message() {
    // The benchmark measures the gain; this proves the pin names the provider the normal lookup
    // finds, so only the speed of storing a message changes.
    run(ManyTransactionsTestCase.class, Map.of())
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));

    assertThat(System.getProperty(MailStreamProviders.PROPERTY))
        .isEqualTo(StreamProvider.provider().getClass().getName());
  }
}
