package org.smtpunit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A deadline on a blocking socket operation that Java cannot time out itself (a write, a TLS
 * handshake, a read under TLS): when it passes, the alarm aborts the connection, which unblocks the
 * operation with an exception the caller maps to a timeout through {@link #fired()}.
 */
final class Alarm {

  /** How often an alarm with a poll looks whether to abort early. */
  private static final long POLL_MILLIS = 10;

  private final long deadline;
  private final Runnable abort;
  private final BooleanSupplier poll;
  private final AtomicBoolean fired = new AtomicBoolean();
  private final AtomicBoolean done = new AtomicBoolean();
  private volatile ScheduledFuture<?> future;

  private Alarm(long deadline, Runnable abort, BooleanSupplier poll) {
    this.deadline = deadline;
    this.abort = abort;
    this.poll = poll;
  }

  /**
   * Arms an alarm that runs {@code abort} after {@code nanos}. With a {@code poll}, asks it every
   * few milliseconds first whether to abort at once (it returns {@code true} to abort; that does
   * not count as {@link #fired()}).
   */
  static Alarm arm(long nanos, Runnable abort, BooleanSupplier poll) {
    Alarm alarm = new Alarm(System.nanoTime() + nanos, abort, poll);
    alarm.future =
        poll == null
            ? Watchdog.EXECUTOR.schedule(alarm::ring, Math.max(0, nanos), TimeUnit.NANOSECONDS)
            : Watchdog.EXECUTOR.scheduleWithFixedDelay(
                alarm::check, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    return alarm;
  }

  private synchronized void check() {
    if (done.get()) {
      return;
    }
    if (System.nanoTime() - deadline >= 0) {
      ring();
    } else if (poll.getAsBoolean() && done.compareAndSet(false, true)) {
      abort.run();
      cancelFuture();
    }
  }

  private synchronized void ring() {
    if (done.compareAndSet(false, true)) {
      fired.set(true);
      abort.run();
      cancelFuture();
    }
  }

  /** Returns whether the deadline passed and the operation was aborted. */
  boolean fired() {
    return fired.get();
  }

  /** Disarms the alarm, waiting for a check in progress to finish. */
  synchronized void cancel() {
    done.set(true);
    cancelFuture();
  }

  private void cancelFuture() {
    ScheduledFuture<?> f = future;
    if (f != null) {
      f.cancel(false);
    }
  }

  /** Started on first use, so short sessions never create its thread. */
  private static final class Watchdog {
    static final ScheduledExecutorService EXECUTOR = watchdog();

    private static ScheduledExecutorService watchdog() {
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              1,
              runnable -> {
                Thread thread = new Thread(runnable, "smtpunit-write-watchdog");
                thread.setDaemon(true);
                return thread;
              });
      executor.setRemoveOnCancelPolicy(true);
      return Executors.unconfigurableScheduledExecutorService(executor);
    }
  }
}
