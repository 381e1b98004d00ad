package org.smtpunit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * Watches a large write under TLS for a reply the server sends before it has read everything (an
 * early {@code 552 5.3.4 Message too big}), so that the call returns that reply instead of timing
 * out against a server that stopped reading.
 *
 * <p>In plain text the watchdog itself reads such a reply without blocking. Under TLS it cannot:
 * bytes on the TCP socket may be part of a TLS record that has not fully arrived (a socket timeout
 * bounds that wait), and reading an alert or a post-handshake message makes the JDK's TLS layer
 * write an answer, which waits, with no timeout, for the output lock that the blocked writer holds
 * for its whole write: on the watchdog that is a deadlock, since the watchdog is what would abort
 * the write. So the watchdog only asks, without blocking, whether the TCP socket holds bytes; the
 * first time it does, a short-lived thread reads through the TLS layer (the JDK's SSLSocket reads
 * and writes under separate locks), bounded by the call's deadline, when the write's alarm or
 * {@link #finish()} aborts the connection. Most writes never see a byte before they finish, and
 * start no thread.
 */
final class EarlyTlsReply {

  /** How long the writer waits for the reading thread once the connection was aborted. */
  private static final long ABORTED_JOIN_MILLIS = 1_000;

  /** The states of the watched write. */
  static final int WRITING = 0;

  static final int WRITTEN = 1;
  static final int ANSWERED_EARLY = 2;

  private final ReplyReader replies;
  private final IntSupplier tcpAvailable;
  private final Runnable abort;
  private final SmtpStage stage;
  private final long deadline;
  private final AtomicInteger state;
  private final AtomicReference<Object> arrived;
  private volatile Thread reader;

  /**
   * A watch over one write, due by {@code deadline} ({@link System#nanoTime()}): {@code
   * tcpAvailable} says without blocking whether bytes wait under the TLS layer, {@code abort}
   * closes the TCP socket; a reply taken while {@code state} is still {@link #WRITING} is put into
   * {@code arrived}.
   */
  EarlyTlsReply(
      ReplyReader replies,
      IntSupplier tcpAvailable,
      Runnable abort,
      SmtpStage stage,
      long deadline,
      AtomicInteger state,
      AtomicReference<Object> arrived) {
    this.replies = replies;
    this.tcpAvailable = tcpAvailable;
    this.abort = abort;
    this.stage = stage;
    this.deadline = deadline;
    this.state = state;
    this.arrived = arrived;
  }

  /**
   * Runs on the watchdog every tick while the write goes on; never blocks. Never asks the alarm to
   * abort: the reading thread aborts the write itself once it has a reply.
   */
  boolean poll() {
    if (reader == null && tcpAvailable.getAsInt() > 0) {
      Thread thread = new Thread(this::read, "smtpunit-early-reply");
      thread.setDaemon(true);
      reader = thread;
      thread.start();
    }
    return false;
  }

  /** On the reading thread: takes a complete reply and, if the write still goes on, ends it. */
  private void read() {
    if (!replies.awaitCompleteReply(deadline)
        || replies.bufferedReplyIsPositive()
        || !state.compareAndSet(WRITING, ANSWERED_EARLY)) {
      // Nothing whole in time, or the write finished (first, or just now: a positive reply): the
      // writer reads the reply itself, from what is buffered.
      return;
    }
    try {
      arrived.set(replies.read(stage, System.nanoTime(), Duration.ofMillis(1)));
    } catch (SmtpException e) {
      arrived.set(e);
    }
    abort.run();
  }

  /**
   * On the writer, once its write has ended: waits for the reading thread (it shares the reply
   * buffer), until the deadline at most; then aborts the connection to end its read.
   */
  void finish() {
    Thread thread = reader;
    if (thread == null) {
      return;
    }
    try {
      long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      thread.join(Math.max(1, remaining));
      if (thread.isAlive()) {
        abort.run();
        thread.join(ABORTED_JOIN_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort.run();
    }
  }
}
