package org.smtpunit.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What one transaction costs the client, in measures a busy machine barely moves: the CPU time of
 * the thread that runs it, and the context switches of the whole process (client, sink and any
 * helper thread of the client, from {@code /proc}; Linux only). Wall-clock throughput on a shared
 * two-core machine swings with whatever else runs; these say whether the client does more work than
 * the floor.
 */
final class PerTransaction {

  /** One client's cost: microseconds of its thread's CPU and context switches, per transaction. */
  record Cost(double cpuMicros, double switches) {}

  private PerTransaction() {}

  /**
   * The table's rows: raw floor, SmtpSession and pipelined take turns for {@code rounds} on one
   * thread, and each reports its median round.
   */
  static List<String[]> table(String host, int port, int rounds, int warmup, int transactions)
      throws Exception {
    List<Clients.Client> clients =
        List.of(new Clients.RawSocket(), new Clients.SmtpUnit(), new Clients.SmtpUnitPipelined());
    List<List<Cost>> measured = new ArrayList<>();
    clients.forEach(c -> measured.add(new ArrayList<>()));
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < clients.size(); i++) {
        measured.get(i).add(measure(clients.get(i), host, port, warmup, transactions));
      }
    }
    List<String[]> rows = new ArrayList<>();
    double floor = 0;
    for (int i = 0; i < clients.size(); i++) {
      List<Cost> costs = new ArrayList<>(measured.get(i));
      costs.sort(Comparator.comparingDouble(Cost::cpuMicros));
      Cost median = costs.get(costs.size() / 2);
      if (i == 0) {
        floor = median.cpuMicros();
      }
      rows.add(
          new String[] {
            clients.get(i).name(),
            String.valueOf(transactions),
            String.format(Locale.ROOT, "%.1f", median.cpuMicros()),
            String.format(Locale.ROOT, "%.2f", median.cpuMicros() / floor),
            Double.isNaN(median.switches())
                ? "n/a"
                : String.format(Locale.ROOT, "%.1f", median.switches())
          });
    }
    return rows;
  }

  /**
   * Runs {@code count} transactions after {@code warmup} on the calling thread and measures them.
   */
  static Cost measure(Clients.Client client, String host, int port, int warmup, int count)
      throws Exception {
    for (int i = 0; i < warmup; i++) {
      client.transaction(host, port);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long switches = contextSwitches();
    long cpu = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < count; i++) {
      client.transaction(host, port);
    }
    double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / count;
    long after = contextSwitches();
    return new Cost(
        cpuMicros, switches < 0 || after < 0 ? Double.NaN : (double) (after - switches) / count);
  }

  /** The voluntary and involuntary context switches of every thread of this process, or -1. */
  static long contextSwitches() {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return -1;
    }
    long sum = 0;
    try (Stream<Path> list = Files.list(tasks)) {
      List<Path> all = new ArrayList<>(list.toList());
      for (Path task : all) {
        try {
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.contains("ctxt_switches:")) {
              sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
        } catch (IOException ended) {
          // The thread ended while we looked: its switches are gone with it.
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return sum;
  }
}
