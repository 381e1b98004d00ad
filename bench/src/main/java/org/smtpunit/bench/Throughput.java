package org.smtpunit.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a client's transactions on N threads, bounded in count and in time. */
final class Throughput {

  /** One measured configuration. */
  record Result(
      String client,
      int threads,
      long transactions,
      double perSecond,
      double p50Millis,
      double p99Millis) {}

  private Throughput() {}

  static Result measure(
      Clients.Client client,
      String host,
      int port,
      int threads,
      int warmup,
      int count,
      Duration limit)
      throws Exception {
    for (int i = 0; i < warmup; i++) {
      client.transaction(host, port);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long deadline = System.nanoTime() + limit.toNanos();
      int perThread = Math.max(1, count / threads);
      long start = System.nanoTime();
      List<Future<long[]>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  long[] latencies = new long[perThread];
                  int done = 0;
                  while (done < perThread && System.nanoTime() < deadline) {
                    long begin = System.nanoTime();
                    client.transaction(host, port);
                    latencies[done++] = System.nanoTime() - begin;
                  }
                  return Arrays.copyOf(latencies, done);
                }));
      }
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> future : futures) {
        all.add(future.get());
      }
      long elapsed = System.nanoTime() - start;
      long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      double perSecond = latencies.length / (elapsed / 1e9);
      return new Result(
          client.name(),
          threads,
          latencies.length,
          perSecond,
          percentile(latencies, 50),
          percentile(latencies, 99));
    } finally {
      pool.shutdownNow();
    }
  }

  static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
