package org.smtpunit.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The heap an open session keeps: holds many sessions open at once and divides the growth of the
 * used heap (after garbage collection, before and after opening them) by their number.
 *
 * <pre>{@code
 * double bytes = RetainedHeap.perSession(1_000, () -> client.open("127.0.0.1", port));
 * }</pre>
 */
final class RetainedHeap {

  /** Opens one session (or socket) to hold. */
  interface Opener {
    AutoCloseable open() throws Exception;
  }

  private RetainedHeap() {}

  /** Opens {@code sessions} with the opener, measures, then closes them all. */
  static double perSession(int sessions, Opener opener) throws Exception {
    List<AutoCloseable> held = new ArrayList<>(sessions);
    long before = usedHeap();
    try {
      for (int i = 0; i < sessions; i++) {
        held.add(opener.open());
      }
      long after = usedHeap();
      return (after - before) / (double) sessions;
    } finally {
      for (AutoCloseable c : held) {
        c.close();
      }
    }
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
