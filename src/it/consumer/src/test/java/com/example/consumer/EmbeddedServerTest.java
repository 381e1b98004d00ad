package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.smtpunit.MailMessage;
import org.smtpunit.SmtpSession;
import org.smtpunit.assertions.SmtpAssertions;
import org.smtpunit.junit.EmbeddedMailServer;
import org.smtpunit.junit.SmtpTarget;

/**
 * The embedded server lives exactly as long as its test class, on every supported JUnit: a class is
 * run through the engine, then no GreenMail thread may survive and its port must be closed.
 */
class EmbeddedServerTest {

  private static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();

  @Test
  void no_greenmail_thread_survives_the_test_class() throws Exception {
    assertThat(GreenMailThreads.alive()).as("GreenMail threads before the class ran").isEmpty();

    Events tests =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(TwoDeliveriesTestCase.class))
            .execute()
            .testEvents();

    assertThat(tests.failed().stream().map(EmbeddedServerTest::failure)).isEmpty();
    tests.assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(PORTS).as("one embedded server for the whole class").hasSize(1);
    assertThat(GreenMailThreads.aliveAfter(5_000))
        .as("GreenMail threads after the class")
        .isEmpty();
    int port = PORTS.iterator().next();
    assertThatThrownBy(() -> connect(port)).isInstanceOf(ConnectException.class);
  }

  private static String failure(Event event) {
    return event
        .getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .map(Throwable::toString)
        .orElse(event.toString());
  }

  private static void connect(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
    }
  }

  @SmtpTarget
  static class TwoDeliveriesTestCase {

    @Test
    void first(SmtpSession smtp, EmbeddedMailServer server) {
      deliver(smtp, server, 1);
    }

    @Test
    void second(SmtpSession smtp, EmbeddedMailServer server) {
      deliver(smtp, server, 2);
    }

    private static void deliver(SmtpSession smtp, EmbeddedMailServer server, int count) {
      PORTS.add(server.port());
      server.reset();
      SmtpAssertions.assertThat(smtp.ehlo("contoso.com")).isSuccess();
      SmtpAssertions.assertThat(smtp.mailFrom("chris@contoso.com")).isSuccess();
      SmtpAssertions.assertThat(smtp.rcptTo("kate@fabrikam.com")).isSuccess();
      SmtpAssertions.assertThat(smtp.data()).hasCode(354);
      SmtpAssertions.assertThat(smtp.content(MailMessage.raw("Subject: n" + count + "\r\n\r\nhi")))
          .hasCode(250);
      assertThat(server.awaitMessages(1, Duration.ofSeconds(5)).get(0).subject())
          .isEqualTo("n" + count);
    }
  }
}
