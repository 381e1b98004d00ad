package org.smtpunit.testserver;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures when the machine let this JVM's threads not run (a loaded machine, a safepoint), so that
 * a timing assertion can tell the client's lateness from the machine's: a daemon thread asks to
 * wake every {@link #TICK_NANOS} and records each wake-up more than {@link #STALL_NANOS} late as a
 * stall. A call's own time is its duration less the stalls within it.
 *
 * <pre>{@code
 * try (SchedulingStalls stalls = SchedulingStalls.start()) {
 *   long start = System.nanoTime();
 *   call();
 *   Duration own = stalls.ownTime(start, System.nanoTime());
 * }
 * }</pre>
 */
public final class SchedulingStalls implements AutoCloseable {

  /** How often the probe asks to wake. */
  public static final long TICK_NANOS = 2_000_000L;

  /** How late a wake-up must be to count as a stall: ordinary timer slack is far below it. */
  public static final long STALL_NANOS = 20_000_000L;

  /** The stalls remembered, oldest first, as {from, to} in {@link System#nanoTime()}. */
  private static final int REMEMBERED = 1000;

  private final Deque<long[]> stalls = new ArrayDeque<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long lastWake = System.nanoTime();

  private SchedulingStalls() {
    thread = new Thread(this::probe, "scheduling-stall-probe");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts the probe. */
  public static SchedulingStalls start() {
    return new SchedulingStalls();
  }

  private void probe() {
    while (running) {
      long before = lastWake;
      LockSupport.parkNanos(TICK_NANOS);
      long now = System.nanoTime();
      // Updated first: a stall is briefly counted neither as going on nor as past, never twice.
      lastWake = now;
      if (now - before - TICK_NANOS > STALL_NANOS) {
        synchronized (stalls) {
          stalls.addLast(new long[] {before + TICK_NANOS, now});
          if (stalls.size() > REMEMBERED) {
            stalls.removeFirst();
          }
        }
      }
    }
  }

  /** Returns how long stalls covered the interval, counting one still going on at its end. */
  public Duration stalledBetween(long from, long to) {
    long total = 0;
    synchronized (stalls) {
      for (long[] stall : stalls) {
        total += overlap(stall[0], stall[1], from, to);
      }
    }
    long ongoing = lastWake + TICK_NANOS;
    if (to - ongoing > STALL_NANOS) {
      total += overlap(ongoing, to, from, to);
    }
    return Duration.ofNanos(total);
  }

  /** Returns the interval's length less the stalls within it. */
  public Duration ownTime(long from, long to) {
    return Duration.ofNanos(to - from).minus(stalledBetween(from, to));
  }

  private static long overlap(long start, long end, long from, long to) {
    return Math.max(0, Math.min(end, to) - Math.max(start, from));
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    LockSupport.unpark(thread);
    thread.join(1000);
  }
}
