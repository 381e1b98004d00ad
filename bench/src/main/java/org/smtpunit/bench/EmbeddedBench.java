package org.smtpunit.bench;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.smtpunit.MailMessage;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpSession;
import org.smtpunit.TlsMode;
import org.smtpunit.junit.EmbeddedMailServer;
import org.smtpunit.junit.SmtpTarget;
import org.smtpunit.stub.Persona;
import org.smtpunit.stub.SmtpStub;

/**
 * Fixtures run through the JUnit Platform Launcher by {@link BenchMain}: walkthrough transactions
 * against the embedded server the extension starts, and many small tests for the extension's
 * per-test overhead. Each overhead fixture has a floor beside it: the same number of tests doing
 * the same transaction on a session they open themselves from a client built once, so what is left
 * between the two is what the extension adds to a test (resolving the session, closing it, the
 * transcript file and report entries, emptying the embedded server), not JUnit's own work per test.
 */
final class EmbeddedBench {

  static final int TESTS = 500;

  static volatile int transactions = 2_000;
  static volatile double perSecond;

  /** The STARTTLS target of the STARTTLS fixtures: BenchMain's TLS sink. */
  static volatile int startTlsPort;

  /** The floor's client for the STARTTLS target, configured as the extension's is. */
  static volatile SmtpClient startTlsClient;

  private EmbeddedBench() {}

  static void walkthrough(SmtpSession smtp) {
    transaction(smtp);
    Clients.check(smtp.quit());
  }

  /** The test body: EHLO, MAIL, RCPT, DATA and the ~1 KB message; the session stays open. */
  static void transaction(SmtpSession smtp) {
    Clients.check(smtp.ehlo("contoso.com").reply());
    Clients.check(smtp.mailFrom(Clients.FROM));
    Clients.check(smtp.rcptTo(Clients.TO));
    Clients.check(smtp.send(MailMessage.raw(Clients.MESSAGE)));
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

  /** 500 tests, each with an injected session to the embedded server doing the transaction. */
  @SmtpTarget
  static final class OverheadFixture {
    @RepeatedTest(TESTS)
    void transaction(SmtpSession smtp) {
      EmbeddedBench.transaction(smtp);
    }
  }

  /**
   * The floor of {@link OverheadFixture}: the class holds one embedded server (leased once, before
   * all tests); each test opens, uses and closes its own session.
   */
  @SmtpTarget
  static final class PlainFixture {
    private static EmbeddedMailServer server;

    @BeforeAll
    static void server(EmbeddedMailServer classServer) {
      server = classServer;
    }

    @RepeatedTest(TESTS)
    void transaction() {
      try (SmtpSession smtp = SmtpClient.defaults().open(server.host(), server.port())) {
        walkthrough(smtp);
      }
    }
  }

  /** 500 tests, each with an injected session upgraded with STARTTLS (target from the launch). */
  @SmtpTarget(tls = TlsMode.STARTTLS)
  static final class StartTlsOverheadFixture {
    @RepeatedTest(TESTS)
    void transaction(SmtpSession smtp) {
      EmbeddedBench.transaction(smtp);
    }
  }

  /** The floor of {@link StartTlsOverheadFixture}: no extension, the same STARTTLS sessions. */
  static final class StartTlsPlainFixture {
    @RepeatedTest(TESTS)
    void transaction() {
      try (SmtpSession smtp = startTlsClient.open("127.0.0.1", startTlsPort)) {
        walkthrough(smtp);
      }
    }
  }
}
