package org.smtpunit.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs clients' transactions on N threads, bounded in count and in time. */
final class Throughput {

  /**
   * One measured configuration: {@code perSecond} over all its slices, {@code sliceRates} the
   * transactions per second of each slice in the order they ran.
   */
  record Result(
      String client,
      int threads,
      long transactions,
      double perSecond,
      double p50Millis,
      double p99Millis,
      List<Double> sliceRates) {}

  private Throughput() {}

  /** How many turns each client takes in one measurement. */
  static final int SLICES = 20;

  /**
   * Measures the clients taking turns in short slices ({@link #SLICES} per client, the order
   * rotating from slice to slice), so a slow stretch of a shared machine hits every client alike
   * instead of the one whose whole run it fell on. Each client runs {@code count} transactions on
   * {@code threads} threads after {@code warmup} on the calling thread, within {@code limit}.
   */
  static List<Result> interleaved(
      List<Clients.Client> clients,
      String host,
      int port,
      int threads,
      int warmup,
      int count,
      Duration limit)
      throws Exception {
    for (Clients.Client client : clients) {
      for (int i = 0; i < warmup; i++) {
        client.transaction(host, port);
      }
    }
    int n = clients.size();
    long[] elapsed = new long[n];
    List<List<long[]>> latencies = new ArrayList<>();
    List<List<Double>> sliceRates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      latencies.add(new ArrayList<>());
      sliceRates.add(new ArrayList<>());
    }
    int perThread = Math.max(1, count / threads / SLICES);
    long deadline = System.nanoTime() + limit.toNanos() * n;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int slice = 0; slice < SLICES && System.nanoTime() < deadline; slice++) {
        for (int k = 0; k < n; k++) {
          int i = (slice + k) % n;
          Clients.Client client = clients.get(i);
          long start = System.nanoTime();
          List<Future<long[]>> futures = new ArrayList<>();
          for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> run(client, host, port, perThread, deadline)));
          }
          int done = 0;
          for (Future<long[]> future : futures) {
            long[] latenciesOfSlice = future.get();
            latencies.get(i).add(latenciesOfSlice);
            done += latenciesOfSlice.length;
          }
          long took = System.nanoTime() - start;
          elapsed[i] += took;
          sliceRates.get(i).add(done / (took / 1e9));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long[] sorted = latencies.get(i).stream().flatMapToLong(Arrays::stream).sorted().toArray();
      results.add(
          new Result(
              clients.get(i).name(),
              threads,
              sorted.length,
              sorted.length / (elapsed[i] / 1e9),
              percentile(sorted, 50),
              percentile(sorted, 99),
              List.copyOf(sliceRates.get(i))));
    }
    return results;
  }

  /**
   * The client's throughput as a multiple of the floor's, slice by slice: each slice's rate divided
   * by the rate of the floor's slice of the same turn (the same round and slice, run next to it in
   * time), the median of those ratios. A stall of the machine that falls on one slice moves one
   * ratio instead of a whole round's figure.
   */
  static double pairedRatio(List<Result> rounds, List<Result> floorRounds) {
    List<Double> ratios = new ArrayList<>();
    for (int r = 0; r < Math.min(rounds.size(), floorRounds.size()); r++) {
      List<Double> own = rounds.get(r).sliceRates();
      List<Double> floor = floorRounds.get(r).sliceRates();
      for (int s = 0; s < Math.min(own.size(), floor.size()); s++) {
        ratios.add(own.get(s) / floor.get(s));
      }
    }
    return Report.median(ratios);
  }

  /** Runs up to {@code count} transactions, returning their latencies in nanoseconds. */
  private static long[] run(Clients.Client client, String host, int port, int count, long deadline)
      throws Exception {
    long[] latencies = new long[count];
    int done = 0;
    while (done < count && System.nanoTime() < deadline) {
      long begin = System.nanoTime();
      client.transaction(host, port);
      latencies[done++] = System.nanoTime() - begin;
    }
    return Arrays.copyOf(latencies, done);
  }

  static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
