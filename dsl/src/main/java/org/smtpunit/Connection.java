package org.smtpunit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.smtpunit.internal.Durations;

/**
 * One TCP (or TLS) connection: writes command lines, reads replies, and bounds both in time. A
 * blocking socket write cannot time out in Java, so a write that may fill the send buffer (the
 * message content) runs under a watchdog that closes the socket when the deadline passes.
 */
final class Connection implements AutoCloseable {

  /**
   * Writes up to this size need no watchdog: after the server's reply to the previous command the
   * send buffer is empty, and Linux never gives a TCP socket less than 4 KB of it.
   */
  static final int UNBOUNDED_WRITE_OCTETS = 4096;

  private Socket socket;

  /**
   * The TCP socket under any TLS layer. The watchdog aborts through it: closing an SSLSocket waits
   * for the lock a blocked write holds, so it would hang exactly when it is needed.
   */
  private final Socket tcp;

  private OutputStream out;
  private ReplyReader reader;
  private final TranscriptLog log;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A connection whose {@code socket} may be a TLS layer over the {@code tcp} socket. */
  Connection(Socket socket, Socket tcp, TranscriptLog log) throws IOException {
    this.log = log;
    this.tcp = tcp;
    attach(socket);
  }

  /** Switches to another socket over the same connection (the TLS layer after STARTTLS). */
  void attach(Socket socket) throws IOException {
    this.socket = socket;
    InputStream in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.reader = new ReplyReader(socket, in, log);
  }

  /** Returns how many bytes can be read without blocking, 0 when unknown. */
  int available() {
    try {
      return socket.getInputStream().available();
    } catch (IOException e) {
      return 0;
    }
  }

  Socket socket() {
    return socket;
  }

  ReplyReader reader() {
    return reader;
  }

  /** Writes bytes that fit the socket's send buffer (command lines). */
  void write(byte[] bytes, SmtpStage stage) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw writeFailed(stage, e, false, null);
    }
  }

  /**
   * Writes bytes that may exceed the send buffer, closing the connection if the server has not
   * taken them all by the deadline (a server that stops reading must not block the client).
   */
  void writeBounded(byte[] bytes, SmtpStage stage, Duration timeout) {
    if (bytes.length <= UNBOUNDED_WRITE_OCTETS) {
      write(bytes, stage);
      return;
    }
    AtomicBoolean fired = new AtomicBoolean();
    ScheduledFuture<?> alarm =
        Watchdog.EXECUTOR.schedule(
            () -> {
              fired.set(true);
              abort();
            },
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw writeFailed(stage, e, fired.get(), timeout);
    } finally {
      alarm.cancel(false);
    }
    if (fired.get()) {
      throw writeFailed(stage, null, true, timeout);
    }
  }

  private SmtpException writeFailed(
      SmtpStage stage, IOException e, boolean timedOut, Duration timeout) {
    if (timedOut) {
      log.note("the server did not read the data within " + Durations.format(timeout));
      return new SmtpTimeoutException(
          "The server stopped reading at "
              + stage
              + ": the client could not write its data within the reply timeout of "
              + Durations.format(timeout)
              + ", so the connection was closed. Likely causes: the server is overloaded or"
              + " stalled, or a firewall or proxy holds the connection",
          stage,
          log.snapshot(),
          e);
    }
    log.note("write failed: " + e);
    return new SmtpConnectionClosedException(
        "Connection closed at " + stage + ": the write failed [" + e + "]",
        stage,
        log.snapshot(),
        e);
  }

  boolean isClosed() {
    return closed.get();
  }

  @Override
  public void close() {
    closeQuietly();
  }

  /** Closes the TCP socket under any TLS layer at once, unblocking a stuck write. */
  private void abort() {
    closed.set(true);
    try {
      tcp.close();
    } catch (IOException ignored) {
      // Closing is best effort: the socket is released either way.
    }
  }

  private void closeQuietly() {
    if (closed.compareAndSet(false, true)) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing is best effort: the socket is released either way.
      } finally {
        if (tcp != socket) {
          try {
            tcp.close();
          } catch (IOException ignored) {
            // Already closed with its TLS layer.
          }
        }
      }
    }
  }

  /** Started on first use, so short sessions never create its thread. */
  private static final class Watchdog {
    static final ScheduledExecutorService EXECUTOR = watchdog();
  }

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
