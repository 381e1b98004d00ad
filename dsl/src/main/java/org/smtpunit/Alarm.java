package org.smtpunit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A deadline on a blocking socket operation that Java cannot time out itself (a write, a TLS
 * handshake, a read under TLS): when it passes, the alarm aborts the connection, which unblocks the
 * operation with an exception the caller maps to a timeout through {@link #fired()}.
 *
 * <p>Arming and cancelling cost no system call and wake no thread: one watchdog thread looks at the
 * armed alarms every {@link #TICK_NANOS} while any are armed or were lately, and sleeps when the
 * client is idle. A command write takes microseconds; scheduling a timer for each one (as a {@code
 * ScheduledExecutorService} does) woke the timer thread twice per write and cost more than the
 * write itself. An alarm rings at most one tick after its deadline.
 */
final class Alarm {

  /** How often the watchdog looks at the armed alarms (and asks their polls). */
  static final long TICK_NANOS = 5_000_000L;

  private final long deadline;
  private final Runnable abort;
  private final BooleanSupplier poll;
  private boolean done;
  private volatile boolean fired;

  private Alarm(long deadline, Runnable abort, BooleanSupplier poll) {
    this.deadline = deadline;
    this.abort = abort;
    this.poll = poll;
  }

  /**
   * Arms an alarm that runs {@code abort} after {@code nanos}. With a {@code poll}, asks it every
   * tick first whether to abort at once (it returns {@code true} to abort; that does not count as
   * {@link #fired()}).
   */
  static Alarm arm(long nanos, Runnable abort, BooleanSupplier poll) {
    Alarm alarm = new Alarm(System.nanoTime() + Math.max(0, nanos), abort, poll);
    Watchdog.INSTANCE.add(alarm);
    return alarm;
  }

  /** Runs on the watchdog: rings when the deadline has passed, or aborts when the poll asks. */
  private synchronized void check(long now) {
    if (done) {
      return;
    }
    if (now - deadline >= 0) {
      fired = true;
    } else if (poll == null || !poll.getAsBoolean()) {
      return;
    }
    done = true;
    Watchdog.INSTANCE.remove(this);
    abort.run();
  }

  /** Returns whether the deadline passed and the operation was aborted. */
  boolean fired() {
    return fired;
  }

  /** Disarms the alarm, waiting for a check in progress to finish. */
  synchronized void cancel() {
    if (!done) {
      done = true;
      Watchdog.INSTANCE.remove(this);
    }
  }

  /** The one thread that watches every armed alarm; started on first use, a daemon. */
  private static final class Watchdog implements Runnable {
    static final Watchdog INSTANCE = new Watchdog();

    /** Ticks without an armed alarm before the watchdog sleeps until the next one is armed. */
    private static final int IDLE_TICKS = 200;

    private final Set<Alarm> armed = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean sleeping;

    private Watchdog() {
      thread = new Thread(this, "smtpunit-write-watchdog");
      thread.setDaemon(true);
      thread.start();
    }

    void add(Alarm alarm) {
      armed.add(alarm);
      if (sleeping) {
        LockSupport.unpark(thread);
      }
    }

    void remove(Alarm alarm) {
      armed.remove(alarm);
    }

    @Override
    public void run() {
      int idle = 0;
      while (true) {
        if (armed.isEmpty()) {
          if (++idle > IDLE_TICKS) {
            // Sleep until add() wakes us. The flag is set before the last look, and add() looks at
            // the flag after adding: one of the two always sees the other.
            sleeping = true;
            if (armed.isEmpty()) {
              LockSupport.park(this);
            }
            sleeping = false;
            idle = 0;
            continue;
          }
        } else {
          idle = 0;
        }
        LockSupport.parkNanos(this, TICK_NANOS);
        long now = System.nanoTime();
        for (Alarm alarm : armed) {
          try {
            alarm.check(now);
          } catch (RuntimeException e) {
            // A failing poll must not stop the watchdog: the alarm still rings at its deadline.
          }
        }
      }
    }
  }
}
