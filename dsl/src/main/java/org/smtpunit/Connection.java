package org.smtpunit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.smtpunit.internal.Durations;

/**
 * One TCP (or TLS) connection: writes command lines, reads replies, and bounds both in time. A
 * blocking socket write cannot time out in Java, and under TLS neither can a read or a handshake
 * that the server drips, so each runs under a watchdog that aborts the TCP socket when the deadline
 * passes.
 */
final class Connection implements AutoCloseable {

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

  /**
   * The room left in the TCP send buffer for writes made without the watchdog (see {@link
   * #unwatched}); 0 under TLS.
   */
  private int unwatchedRoom;

  /**
   * What one write costs the send buffer beyond its bytes, at most: the kernel counts each segment
   * it holds with its buffer overhead (about 1 KB on Linux), not just the data.
   */
  static final int SEGMENT_OVERHEAD = 2048;

  /** A connection whose {@code socket} may be a TLS layer over the {@code tcp} socket. */
  Connection(Socket socket, Socket tcp, TranscriptLog log) throws IOException {
    this.log = log;
    this.tcp = tcp;
    attach(socket);
    if (socket == tcp) {
      unwatchedRoom = tcp.getSendBufferSize();
    }
  }

  /** Switches to another socket over the same connection (the TLS layer after STARTTLS). */
  void attach(Socket socket) throws IOException {
    this.socket = socket;
    InputStream in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.reader = new ReplyReader(socket, in, log, socket == tcp ? null : this::abort);
  }

  /** Returns how many bytes can be read without blocking, 0 when unknown. */
  int available() {
    return available(socket);
  }

  Socket socket() {
    return socket;
  }

  ReplyReader reader() {
    return reader;
  }

  /** Returns whether the connection runs over TLS. */
  boolean isTls() {
    return socket != tcp;
  }

  /**
   * Writes bytes, closing the connection if the server has not taken them all by the deadline
   * ({@code timeout} from {@code start}, when the call began): a server that stops reading must not
   * block the client, and a blocking socket write cannot time out in Java.
   *
   * @return {@code null}, or the reply the server sent while the client was still writing, when
   *     {@code early} asks to watch for one (the write was then abandoned and the connection
   *     closed: the rest of the command can no longer be sent)
   */
  SmtpReply write(byte[] bytes, SmtpStage stage, long start, Duration timeout, boolean early) {
    // Only a write larger than any send buffer can still be going on when a reply arrives; a
    // smaller one is done before the server can answer it, so no reply to it is ever "early".
    boolean watch = early && bytes.length > WATCHED_WRITE_OCTETS;
    if (!watch && unwatched(bytes.length)) {
      try {
        out.write(bytes);
        out.flush();
        return null;
      } catch (IOException e) {
        throw writeFailed(stage, e, false, timeout);
      }
    }
    AtomicReference<Object> arrived = new AtomicReference<>();
    AtomicInteger state = new AtomicInteger(EarlyTlsReply.WRITING);
    long deadline = start + timeout.toNanos();
    EarlyTlsReply tlsWatch =
        watch && isTls()
            ? new EarlyTlsReply(
                reader, this::tcpAvailable, this::abort, stage, deadline, state, arrived)
            : null;
    BooleanSupplier poll =
        !watch ? null : tlsWatch != null ? tlsWatch::poll : () -> poll(stage, state, arrived);
    Alarm alarm = alarm(deadline - System.nanoTime(), poll);
    IOException failure = null;
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      failure = e;
    } finally {
      state.compareAndSet(EarlyTlsReply.WRITING, EarlyTlsReply.WRITTEN);
      alarm.cancel();
    }
    if (tlsWatch != null) {
      tlsWatch.finish();
    }
    if (watch && failure != null && arrived.get() == null && !alarm.fired()) {
      replyAfterFailedWrite(stage, arrived);
    }
    if (arrived.get() != null) {
      return earlyReply(stage, arrived.get());
    }
    if (failure != null || alarm.fired()) {
      throw writeFailed(stage, failure, alarm.fired(), timeout);
    }
    return null;
  }

  /**
   * Returns whether a plain-text write of {@code length} bytes fits in what is left of the send
   * buffer the connection started with, counting every earlier such write as never sent: then it
   * cannot block, whatever the server does, and needs no watchdog. The first commands of a session
   * (the whole walkthrough transaction) go out so, and a short session never starts the watchdog
   * thread; once the room is used up, every write is watched.
   */
  private boolean unwatched(int length) {
    int cost = length + SEGMENT_OVERHEAD;
    if (isTls() || cost > unwatchedRoom) {
      return false;
    }
    unwatchedRoom -= cost;
    return true;
  }

  /** Writes up to this size are never watched for an early reply (see {@link #write}). */
  static final int WATCHED_WRITE_OCTETS = 4096;

  /**
   * Runs on the watchdog while a write is under way in plain text (the writer waits for it to
   * finish before it reads anything itself): takes a complete reply the server sent meanwhile, and
   * aborts the write. Under TLS, {@link EarlyTlsReply} watches instead.
   */
  private boolean poll(SmtpStage stage, AtomicInteger state, AtomicReference<Object> arrived) {
    if (!reader.pollInput()
        || !reader.hasCompleteReply()
        || reader.bufferedReplyIsPositive()
        || !state.compareAndSet(EarlyTlsReply.WRITING, EarlyTlsReply.ANSWERED_EARLY)) {
      return false;
    }
    try {
      arrived.set(reader.read(stage, System.nanoTime(), Duration.ofMillis(1)));
    } catch (SmtpException e) {
      arrived.set(e);
    }
    return true;
  }

  /**
   * A server that answers early and closes at once fails the write before a tick of the watchdog
   * saw its reply; in plain text the reply may still wait, whole, in the socket's receive buffer.
   * Under TLS the failed write has closed the TLS layer: only {@link EarlyTlsReply}'s reading
   * thread can have taken it.
   */
  private void replyAfterFailedWrite(SmtpStage stage, AtomicReference<Object> arrived) {
    if (isTls() || !reader.pollInput() || !reader.hasCompleteReply()) {
      return;
    }
    try {
      arrived.set(reader.read(stage, System.nanoTime(), Duration.ofMillis(1)));
    } catch (SmtpException e) {
      // Not a reply after all: the write's failure is what the caller hears.
    }
  }

  private SmtpReply earlyReply(SmtpStage stage, Object arrived) {
    closeQuietly();
    if (arrived instanceof SmtpException e) {
      throw e;
    }
    log.note(
        "the server replied before the client had finished writing at "
            + stage
            + ": the rest was not sent and the connection was closed");
    return (SmtpReply) arrived;
  }

  /**
   * Arms an alarm that aborts the TCP socket (under any TLS layer) after {@code nanos}, unblocking
   * whatever read, write or handshake waits on it.
   */
  Alarm alarm(long nanos, BooleanSupplier poll) {
    return Alarm.arm(nanos, this::abort, poll);
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

  /**
   * Returns how many bytes wait on the TCP socket under any TLS layer (for TLS, possibly part of a
   * record), 0 when unknown; never blocks.
   */
  int tcpAvailable() {
    return available(tcp);
  }

  private static int available(Socket socket) {
    try {
      return socket.getInputStream().available();
    } catch (IOException e) {
      return 0;
    }
  }

  /** Closes the TCP socket under any TLS layer at once, unblocking a stuck write. */
  void abort() {
    closed.set(true);
    try {
      tcp.close();
    } catch (IOException ignored) {
      // Closing is best effort: the socket is released either way.
    }
  }

  private void closeQuietly() {
    if (closed.compareAndSet(false, true)) {
      // Under TLS the TCP socket goes first: closing the TLS layer sends close_notify and may wait
      // for the server's, up to the socket timeout (a reply that never came would then take twice
      // its deadline), or for the lock of a write the server does not read.
      closeQuietly(tcp);
      if (socket != tcp) {
        closeQuietly(socket);
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing is best effort: the socket is released either way.
    }
  }
}
