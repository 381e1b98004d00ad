package org.smtpunit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.smtpunit.AuthMechanism;
import org.smtpunit.Credentials;
import org.smtpunit.MailMessage;
import org.smtpunit.SmtpClient;
import org.smtpunit.SmtpException;
import org.smtpunit.SmtpReply;
import org.smtpunit.SmtpSession;
import org.smtpunit.TlsMode;
import org.smtpunit.testing.ScriptedSmtpServer;
import org.smtpunit.testing.TestCertificates;
import org.smtpunit.testserver.GeneratedBehaviour;
import org.smtpunit.testserver.GeneratedBehaviour.Fault;
import org.smtpunit.testserver.OpenSockets;
import org.smtpunit.testserver.SchedulingStalls;

/**
 * The client's contract against generated server behaviours (fixed seed): every call returns a
 * reply or throws an {@link SmtpException} that names its stage and carries the transcript, within
 * the reply timeout plus 200 ms; a session that threw is closed and its socket with it; no secret
 * reaches a message; no control character reaches a rendered transcript; and after all of it no
 * socket or thread is left behind.
 *
 * <p>A call's time is its own: from its start to its return, less the moments the machine let no
 * thread of the JVM run ({@link SchedulingStalls}); the clients and their TLS contexts are built
 * before any call is timed.
 */
class ServerBehaviourContractTest {

  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private static final Duration BOUND = TIMEOUT.plusMillis(200);
  private static final String SECRET = "Pr0perty-S3cret";
  private static final String SECRET_PLAIN =
      Base64.getEncoder().encodeToString(("\0chris\0" + SECRET).getBytes(StandardCharsets.UTF_8));

  private static TestCertificates.Certificate certificate;
  private static Path certificates;
  private static int baselineThreads;
  private static int baselineDescriptors;
  private static final AtomicInteger behaviours = new AtomicInteger();
  private static final AtomicInteger calls = new AtomicInteger();
  private static final AtomicInteger exceptions = new AtomicInteger();
  private static final AtomicInteger violationCount = new AtomicInteger();
  private static final AtomicLong longestCallNanos = new AtomicLong();
  private static final AtomicLong mostStalledNanos = new AtomicLong();
  private static SchedulingStalls stalls;
  private static SmtpClient plainClient;
  private static SmtpClient tlsClient;

  /** What a generated client does, one call at a time. */
  enum Call {
    EHLO,
    MAIL,
    MAIL_BRACKETED,
    RCPT,
    DATA_AND_CONTENT,
    NOOP,
    RSET,
    AUTH_PLAIN,
    PIPELINE,
    COMMAND,
    QUIT
  }

  @BeforeContainer
  static void start() throws Exception {
    certificates = Files.createTempDirectory("smtpunit-contract");
    certificate = TestCertificates.create(certificates, "contract", "ip:127.0.0.1", 0, 30);
    stalls = SchedulingStalls.start();
    plainClient = client(false, TIMEOUT);
    tlsClient = client(true, TIMEOUT);
    // One unhurried TLS session first: it loads TLS and starts the client's watchdog thread, which
    // stays (a daemon), so that the baseline counts it.
    try (ScriptedSmtpServer warm =
            ScriptedSmtpServer.start(
                new GeneratedBehaviour(true, Fault.OK, List.of(Fault.OK))
                    .script(certificate.serverContext()));
        SmtpSession smtp = client(true, Duration.ofSeconds(30)).open(warm.host(), warm.port())) {
      smtp.ehlo("contoso.com");
      // The client's TLS context is built on its first open, before the connection: not a cost
      // of any call timed below.
      tlsClient.probe(warm.host(), warm.port());
    }
    settle();
    baselineThreads = Thread.activeCount();
    baselineDescriptors = OpenSockets.descriptors();
  }

  @AfterContainer
  static void noLeaks() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while ((Thread.activeCount() > baselineThreads
            || OpenSockets.descriptors() > baselineDescriptors)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    System.out.printf(
        "Contract harness: %d server behaviours, %d client calls, %d typed exceptions,"
            + " %d contract violations; longest call %d ms of its own, most stalled %d ms%n",
        behaviours.get(),
        calls.get(),
        exceptions.get(),
        violationCount.get(),
        Duration.ofNanos(longestCallNanos.get()).toMillis(),
        Duration.ofNanos(mostStalledNanos.get()).toMillis());
    assertThat(Thread.activeCount())
        .as("threads after the run")
        .isLessThanOrEqualTo(baselineThreads);
    if (OpenSockets.available()) {
      assertThat(OpenSockets.descriptors())
          .as("file descriptors after the run")
          .isLessThanOrEqualTo(baselineDescriptors);
    }
    stalls.close();
    try (var files = Files.walk(certificates)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static void settle() throws InterruptedException {
    Thread.sleep(200);
  }

  private static SmtpClient client(boolean tls, Duration timeout) {
    return SmtpClient.builder()
        .replyTimeout(timeout)
        .connectTimeout(Duration.ofSeconds(5))
        .allowPlaintextAuth(true)
        .trust(certificate.trustStore())
        .tls(tls ? TlsMode.IMPLICIT : TlsMode.NONE)
        .build();
  }

  @Provide
  Arbitrary<Fault> faults() {
    List<Tuple.Tuple2<Integer, Fault>> weights = new ArrayList<>();
    for (Fault fault : Fault.values()) {
      // Mostly well-formed answers, so that conversations get far enough to meet the faults.
      weights.add(Tuple.of(fault == Fault.OK ? Fault.values().length * 2 : 1, fault));
    }
    return Arbitraries.frequency(weights);
  }

  @Provide
  Arbitrary<GeneratedBehaviour> behaviours() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 3).map(n -> n == 0),
            Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Fault.OK)), Tuple.of(1, faults())),
            faults().list().ofMinSize(1).ofMaxSize(8))
        .as(GeneratedBehaviour::new);
  }

  @Provide
  Arbitrary<List<Call>> plans() {
    // Megabyte-long arguments are left to DeadlineTest: preparing them is the client's own CPU
    // work, which no deadline can preempt on a machine too busy to run it promptly.
    return Arbitraries.of(Call.class).list().ofMinSize(1).ofMaxSize(7);
  }

  @Property(tries = 80, seed = "20261130", shrinking = ShrinkingMode.OFF)
  void every_call_keeps_the_contract(
      @ForAll("behaviours") GeneratedBehaviour behaviour, @ForAll("plans") List<Call> plan) {
    behaviours.incrementAndGet();
    List<String> violations = new ArrayList<>();
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start(behaviour.script(certificate.serverContext()))) {
      SmtpClient client = behaviour.tls() ? tlsClient : plainClient;
      Outcome<SmtpSession> opened =
          call("open", () -> client.open(server.host(), server.port()), null, server, violations);
      SmtpSession smtp = opened.value;
      if (smtp != null) {
        try (smtp) {
          for (Call step : plan) {
            run(step, smtp, server, violations);
          }
        }
      }
    }
    violationCount.addAndGet(violations.size());
    assertThat(violations).as("contract violations for %s and %s", behaviour, plan).isEmpty();
  }

  private void run(
      Call step, SmtpSession smtp, ScriptedSmtpServer server, List<String> violations) {
    switch (step) {
      case EHLO -> call("ehlo", () -> smtp.ehlo("contoso.com"), smtp, server, violations);
      case MAIL -> call("mail", () -> smtp.mailFrom("chris@contoso.com"), smtp, server, violations);
      case MAIL_BRACKETED ->
          call("mail<>", () -> smtp.mailFrom("<chris@contoso.com>"), smtp, server, violations);
      case RCPT -> call("rcpt", () -> smtp.rcptTo("kate@fabrikam.com"), smtp, server, violations);
      case DATA_AND_CONTENT -> {
        Outcome<SmtpReply> data = call("data", smtp::data, smtp, server, violations);
        if (data.value != null && data.value.code() == 354) {
          MailMessage message = MailMessage.raw("Subject: contract\r\n\r\n.leading dot\r\nbody");
          call("content", () -> smtp.content(message), smtp, server, violations);
        }
      }
      case NOOP -> call("noop", smtp::noop, smtp, server, violations);
      case RSET -> call("rset", smtp::rset, smtp, server, violations);
      case AUTH_PLAIN ->
          call(
              "auth",
              () -> smtp.auth(AuthMechanism.PLAIN, Credentials.of("chris", SECRET)),
              smtp,
              server,
              violations);
      case PIPELINE ->
          call(
              "pipeline",
              () ->
                  smtp.pipeline()
                      .mailFrom("chris@contoso.com")
                      .rcptTo("<kate@fabrikam.com>")
                      .rcptTo("ben@fabrikam.com")
                      .send(),
              smtp,
              server,
              violations);
      case COMMAND -> call("command", () -> smtp.command("XTEST 1"), smtp, server, violations);
      case QUIT -> call("quit", smtp::quit, smtp, server, violations);
      default -> throw new IllegalStateException("unknown call " + step);
    }
  }

  /** A call's result, or null when it threw. */
  private record Outcome<T>(T value) {}

  private <T> Outcome<T> call(
      String name,
      Supplier<T> call,
      SmtpSession session,
      ScriptedSmtpServer server,
      List<String> violations) {
    calls.incrementAndGet();
    long start = System.nanoTime();
    T value = null;
    Throwable thrown = null;
    try {
      value = call.get();
    } catch (Throwable e) {
      thrown = e;
    }
    long end = System.nanoTime();
    Duration stalled = stalls.stalledBetween(start, end);
    Duration took = Duration.ofNanos(end - start).minus(stalled);
    longestCallNanos.accumulateAndGet(took.toNanos(), Math::max);
    mostStalledNanos.accumulateAndGet(stalled.toNanos(), Math::max);
    if (took.compareTo(BOUND) > 0) {
      violations.add(
          name
              + " took "
              + took.toMillis()
              + " ms of its own (and "
              + stalled.toMillis()
              + " ms the machine ran no thread), more than "
              + BOUND.toMillis());
    }
    if (thrown == null) {
      if (value == null) {
        violations.add(name + " returned null");
      }
      String transcript = session == null ? "" : session.transcript().toString();
      checkRendering(name, transcript, violations);
      return new Outcome<>(value);
    }
    if (!(thrown instanceof SmtpException e)) {
      violations.add(name + " threw " + thrown);
      return new Outcome<>(null);
    }
    exceptions.incrementAndGet();
    if (!e.getMessage().contains(e.stage().toString())) {
      violations.add(name + " threw without naming its stage " + e.stage() + ": " + e.getMessage());
    }
    if (e.transcript().isEmpty()) {
      violations.add(name + " threw without a transcript: " + e.getMessage());
    }
    if (e.getMessage().contains(SECRET) || e.getMessage().contains(SECRET_PLAIN)) {
      violations.add(name + " put the secret in its message: " + e.getMessage());
    }
    checkRendering(name, e.getMessage(), violations);
    if (session != null && session.isOpen()) {
      violations.add(
          name + " threw " + e.getClass().getSimpleName() + " but left the session open");
    }
    if (OpenSockets.available()
        && !server.conversations().isEmpty()
        && OpenSockets.isOpen(server.conversation().clientPort(), server.port())) {
      violations.add(name + " threw " + e.getClass().getSimpleName() + " but left its socket open");
    }
    return new Outcome<>(null);
  }

  private static void checkRendering(String name, String text, List<String> violations) {
    if (text.indexOf('\u001b') >= 0 || text.indexOf('\u0007') >= 0 || text.indexOf('\0') >= 0) {
      violations.add(name + ": a control character reached a rendered transcript");
    }
    if (text.contains(SECRET) || text.contains(SECRET_PLAIN)) {
      violations.add(name + ": the secret reached a rendered transcript");
    }
  }
}
