package org.smtpunit.bench;

import static org.smtpunit.bench.Report.f;
import static org.smtpunit.bench.Report.f2;
import static org.smtpunit.bench.Report.verdict;
import static org.smtpunit.bench.Report.verdicts;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.smtpunit.SmtpClient;
import org.smtpunit.TlsMode;
import org.smtpunit.testing.TestCertificates;

/**
 * Runs every figure of the benchmark in one run, on loopback, and prints them with the goals.
 *
 * <pre>
 * mvn -q -pl bench -am package -DskipTests &amp;&amp; java -jar bench/target/smtpunit-bench.jar [--quick]
 *     [--embedded-only | --cold-only]
 * </pre>
 */
public final class BenchMain {

  /** The sizes of a run: the default, or {@code --quick} for a smoke run. */
  record Plan(
      int warmup,
      int transactions,
      int rounds,
      Duration limit,
      int coldRuns,
      int embedded,
      int heldSessions) {
    static Plan full() {
      return new Plan(300, 2_000, 3, Duration.ofSeconds(20), 11, 2_000, 1_000);
    }

    static Plan quick() {
      return new Plan(20, 40, 1, Duration.ofSeconds(10), 1, 50, 50);
    }
  }

  private final Report report;
  private final Plan plan;

  BenchMain(PrintStream out, Plan plan) {
    this.report = new Report(out);
    this.plan = plan;
  }

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    BenchMain bench = new BenchMain(System.out, quick ? Plan.quick() : Plan.full());
    if (List.of(args).contains("--embedded-only")) {
      // For profiling the embedded default alone, e.g. under -XX:StartFlightRecording.
      bench.embedded();
    } else if (List.of(args).contains("--cold-only")) {
      // The cold-start table alone, against the in-process sink, as in a full run.
      bench.coldOnly();
    } else {
      bench.run();
    }
    System.exit(0);
  }

  /** Runs everything; returns the table rows printed. */
  List<String> run() throws Exception {
    report.printf(
        "SmtpUnit benchmark: %d cores, Java %s, %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), plan);
    try (SmtpSink sink = new SmtpSink()) {
      throughputTable(
          "in-process sink (TCP_NODELAY, one write per reply)", "127.0.0.1", sink.port());
      perTransaction(sink.port());
      coldStart(sink.port());
      memory(sink.port());
    }
    smtpSinkTable();
    embedded();
    return report.rows();
  }

  /** Runs the cold-start table alone; returns the table rows printed. */
  List<String> coldOnly() throws Exception {
    try (SmtpSink sink = new SmtpSink()) {
      coldStart(sink.port());
    }
    return report.rows();
  }

  /** The client's own cost per transaction against the in-process sink (see PerTransaction). */
  private void perTransaction(int port) throws Exception {
    report.printf("%n## Cost per transaction against the in-process sink (one thread)%n");
    report.header(
        "client", "tx", "client thread CPU µs/tx", "x floor", "context switches/tx (process)");
    for (String[] cells :
        PerTransaction.table(
            "127.0.0.1", port, plan.rounds(), plan.warmup(), plan.transactions())) {
      report.row(cells);
    }
  }

  private void throughputTable(String target, String host, int port) throws Exception {
    report.printf("%n## Throughput against %s%n", target);
    report.header(
        "client",
        "threads",
        "tx",
        "tx/s",
        "p50 ms",
        "p99 ms",
        "x floor",
        "x floor, paired slices",
        "goal");
    double floor1 = 0;
    double smtpunit1 = 0;
    for (int threads : new int[] {1, 2, 8}) {
      // Within a round the clients take turns in short slices (Throughput.interleaved); each
      // reports its median round, so neither the order nor a noisy moment favours one of them.
      List<Clients.Client> clients = Clients.all(); // the floor first: measured.get(0)
      List<List<Throughput.Result>> measured = new ArrayList<>();
      clients.forEach(c -> measured.add(new ArrayList<>()));
      for (int round = 0; round < plan.rounds(); round++) {
        List<Throughput.Result> results =
            Throughput.interleaved(
                clients, host, port, threads, plan.warmup(), plan.transactions(), plan.limit());
        for (int i = 0; i < clients.size(); i++) {
          measured.get(i).add(results.get(i));
        }
      }
      double floor = 0;
      for (int i = 0; i < clients.size(); i++) {
        Clients.Client client = clients.get(i);
        List<Throughput.Result> rounds = new ArrayList<>(measured.get(i));
        rounds.sort(Comparator.comparingDouble(Throughput.Result::perSecond));
        Throughput.Result r = rounds.get(rounds.size() / 2);
        if (client instanceof Clients.RawSocket) {
          floor = r.perSecond();
          if (threads == 1) {
            floor1 = floor;
          }
        }
        double ratio = r.perSecond() / floor;
        double paired = Throughput.pairedRatio(measured.get(i), measured.get(0));
        String goal = "";
        if (client.getClass() == Clients.SmtpUnit.class && threads == 1) {
          smtpunit1 = r.perSecond();
          goal = verdicts(ratio, paired, 0.97);
        } else if (client.getClass() == Clients.SmtpUnitPipelined.class && threads == 1) {
          goal = verdicts(ratio, paired, 1.3);
        } else if (client.getClass() == Clients.SmtpUnit.class && threads == 8) {
          double scaling = r.perSecond() / smtpunit1;
          goal =
              verdict(
                  scaling >= 2.5, String.format(Locale.ROOT, ">= 2.5x 1-thread (%.2fx)", scaling));
        }
        report.row(
            r.client(),
            Integer.toString(threads),
            Long.toString(r.transactions()),
            f(r.perSecond()),
            f2(r.p50Millis()),
            f2(r.p99Millis()),
            f2(ratio),
            f2(paired),
            goal);
      }
    }
    if (floor1 == 0) {
      throw new IllegalStateException("the floor measured nothing");
    }
  }

  private void coldStart(int port) throws Exception {
    report.printf(
        "%n## Cold start: fresh JVM, from main to the end of the first transaction (median of %d, launches taking turns)%n",
        plan.coldRuns());
    report.header("client", "ms", "x floor", "goal");
    List<Clients.Client> clients = Clients.all(); // the floor first
    List<String> keys = new ArrayList<>();
    clients.forEach(c -> keys.add(Clients.key(c)));
    List<Double> medians = ColdStart.medians(keys, "127.0.0.1", port, plan.coldRuns());
    double floor = medians.get(0);
    for (int i = 0; i < clients.size(); i++) {
      Clients.Client client = clients.get(i);
      double millis = medians.get(i);
      double ratio = millis / floor;
      String goal =
          client.getClass() == Clients.SmtpUnit.class ? verdict(ratio <= 1.3, "<= 1.3x floor") : "";
      report.row(client.name(), f2(millis), f2(ratio), goal);
    }
  }

  private void memory(int port) throws Exception {
    report.printf(
        "%n## Retained heap per open session (%d held open against the sink)%n",
        plan.heldSessions());
    report.header("client", "bytes/session", "goal");
    double raw =
        RetainedHeap.perSession(
            plan.heldSessions(), () -> Clients.RawSocket.open("127.0.0.1", port));
    report.row("raw socket (floor)", f(raw), "");
    SmtpClient client = SmtpClient.defaults();
    double smtpunit =
        RetainedHeap.perSession(plan.heldSessions(), () -> client.open("127.0.0.1", port));
    report.row("SmtpUnit SmtpSession", f(smtpunit), verdict(smtpunit <= 32 * 1024, "<= 32 KB"));
  }

  private void smtpSinkTable() throws Exception {
    Optional<PostfixSink> started = PostfixSink.start();
    if (started.isEmpty()) {
      report.printf("%n## Postfix smtp-sink: not installed (apt-get install postfix), skipped%n");
      return;
    }
    try (PostfixSink sink = started.get()) {
      throughputTable("Postfix smtp-sink on 127.0.0.1", "127.0.0.1", sink.port());
    }
  }

  private void embedded() throws Exception {
    report.printf("%n## The embedded default (GreenMail started by @SmtpTarget)%n");
    report.header("figure", "value", "goal");
    Path transcripts = Files.createTempDirectory("smtpunit-bench-transcripts");
    EmbeddedBench.transactions = plan.embedded();
    FixtureRuns.launch(EmbeddedBench.RateFixture.class, transcripts, Map.of());
    double rate = EmbeddedBench.perSecond;
    report.row(
        "walkthrough tx/s, embedded server", f(rate), verdict(rate >= 1000, ">= 1,000 tx/s"));
    FixtureRuns.launch(EmbeddedBench.StubRateFixture.class, transcripts, Map.of());
    double stubRate = EmbeddedBench.stubPerSecond;
    report.row(
        "walkthrough tx/s, SmtpStub (Exchange persona)",
        f(stubRate),
        verdict(
            stubRate >= 3 * rate,
            String.format(Locale.ROOT, ">= 3x GreenMail (%.2fx)", stubRate / rate)));
    FixtureRuns.Overhead embedded =
        FixtureRuns.overhead(
            EmbeddedBench.OverheadFixture.class,
            EmbeddedBench.PlainFixture.class,
            transcripts,
            Map.of(),
            plan.rounds());
    overheadRows("", embedded);
    report.row(
        "wall time per @SmtpTarget test minus one bare transaction (includes JUnit's own work)",
        f2(embedded.perTestMillis() - 1000.0 / rate) + " ms",
        "");
    Path certificates = Files.createTempDirectory("smtpunit-bench-tls");
    TestCertificates.Certificate certificate =
        TestCertificates.create(certificates, "sink", "ip:127.0.0.1", 0, 2);
    try (SmtpSink sink = new SmtpSink(certificate.serverContext())) {
      EmbeddedBench.startTlsPort = sink.port();
      EmbeddedBench.startTlsClient =
          SmtpClient.builder().tls(TlsMode.STARTTLS).trustCertificate(certificate.pem()).build();
      overheadRows(
          ", tls = STARTTLS (in-process sink)",
          FixtureRuns.overhead(
              EmbeddedBench.StartTlsOverheadFixture.class,
              EmbeddedBench.StartTlsPlainFixture.class,
              transcripts,
              Map.of(
                  "smtpunit.target",
                  "127.0.0.1:" + sink.port(),
                  "smtpunit.tls.certificate",
                  certificate.pem().toString()),
              plan.rounds()));
    }
  }

  private void overheadRows(String label, FixtureRuns.Overhead overhead) {
    report.row(
        "wall time per @SmtpTarget test" + label + " (" + EmbeddedBench.TESTS + " tests)",
        f2(overhead.perTestMillis()) + " ms",
        "");
    report.row(
        "the same test opening its own session (floor)" + label,
        f2(overhead.floorMillis()) + " ms",
        "");
    report.row(
        "extension overhead per test" + label,
        f2(overhead.overheadMillis()) + " ms",
        verdict(overhead.overheadMillis() <= 1.0, "<= 1 ms"));
  }
}
