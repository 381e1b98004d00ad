package org.smtpunit.bench;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.smtpunit.MailMessage;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.junit.EmbeddedMailServer;
import org.smtpunit.junit.SmtpTarget;
import org.smtpunit.stub.Persona;
import org.smtpunit.stub.SmtpStub;

/**
 * Fixtures run through the JUnit Platform Launcher by {@link BenchMain}: walkthrough transactions
 * against the embedded server the extension starts, and many small {@code @SmtpTarget} tests for
 * the extension's per-test overhead.
 */
final class EmbeddedBench {

  static volatile int transactions = 2_000;
  static volatile double perSecond;

  private EmbeddedBench() {}

  static void walkthrough(SmtpSession smtp) {
    Clients.check(smtp.ehlo("contoso.com").reply());
    Clients.check(smtp.mailFrom(Clients.FROM));
    Clients.check(smtp.rcptTo(Clients.TO));
    Clients.check(smtp.send(MailMessage.raw(Clients.MESSAGE)));
    Clients.check(smtp.quit());
  }

  /** Walkthrough transactions per second: 100 to warm up, then up to {@link #transactions}. */
  static double rate(SmtpClient client, String host, int port) {
    for (int i = 0; i < 100; i++) {
      try (SmtpSession smtp = client.open(host, port)) {
        walkthrough(smtp);
      }
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    long start = System.nanoTime();
    int done = 0;
    while (done < transactions && System.nanoTime() < deadline) {
      try (SmtpSession smtp = client.open(host, port)) {
        walkthrough(smtp);
      }
      done++;
    }
    return done / ((System.nanoTime() - start) / 1e9);
  }

  /** Transactions per second against the embedded server. */
  @SmtpTarget
  static final class RateFixture {
    @Test
    void rate(SmtpClient client, EmbeddedMailServer server) {
      perSecond = EmbeddedBench.rate(client, server.host(), server.port());
      server.reset();
    }
  }

  static volatile double stubPerSecond;

  /** Transactions per second against the stub, the same loop as {@link RateFixture}. */
  @SmtpTarget(stub = true, persona = Persona.EXCHANGE_2013)
  static final class StubRateFixture {
    @Test
    void rate(SmtpClient client, SmtpStub stub) {
      stubPerSecond = EmbeddedBench.rate(client, stub.host(), stub.port());
    }
  }

  /** 500 tests, each with an injected session doing the walkthrough transaction. */
  @SmtpTarget
  static final class OverheadFixture {
    @RepeatedTest(500)
    void transaction(SmtpSession smtp) {
      Clients.check(smtp.ehlo("contoso.com").reply());
      Clients.check(smtp.mailFrom(Clients.FROM));
      Clients.check(smtp.rcptTo(Clients.TO));
      Clients.check(smtp.send(MailMessage.raw(Clients.MESSAGE)));
    }
  }
}
