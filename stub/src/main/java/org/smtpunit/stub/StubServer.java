package org.smtpunit.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stub's listening socket and threads: one accepting, one per open connection (none for a
 * closed one); {@link #close()} ends them all before it returns.
 */
final class StubServer implements AutoCloseable {

  /** Every stub thread's name starts with this, so a test can check that none is left. */
  static final String THREAD_PREFIX = "smtp-stub-";

  private static final AtomicInteger SERVERS = new AtomicInteger();

  private final String threadPrefix = THREAD_PREFIX + SERVERS.incrementAndGet() + "-";
  private final ServerSocket listener;
  private final ExecutorService threads;
  private final Set<StubConnection> open = ConcurrentHashMap.newKeySet();
  private final Set<Thread> started = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean closing;

  StubServer(InetAddress address, int port, StubState state, boolean implicitTls) {
    try {
      listener = new ServerSocket(port, 128, address);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not listen on " + address.getHostAddress() + " port " + port + ": " + e, e);
    }
    threads = Executors.newCachedThreadPool(named(threadPrefix));
    threads.execute(() -> accept(state, implicitTls));
  }

  InetAddress address() {
    return listener.getInetAddress();
  }

  int port() {
    return listener.getLocalPort();
  }

  String threadPrefix() {
    return threadPrefix;
  }

  int open() {
    return open.size();
  }

  int accepted() {
    return accepted.get();
  }

  private void ended(StubConnection connection) {
    open.remove(connection);
  }

  private void accept(StubState state, boolean implicitTls) {
    while (!closing) {
      try {
        Socket socket = listener.accept();
        accepted.incrementAndGet();
        StubConnection connection = new StubConnection(state, socket, implicitTls, this::ended);
        open.add(connection);
        if (closing) {
          connection.close();
          return;
        }
        threads.execute(connection);
      } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    closing = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // Only fails when it is already closed.
    }
    for (StubConnection connection : Set.copyOf(open)) {
      connection.close();
    }
    threads.shutdownNow();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      threads.awaitTermination(10, TimeUnit.SECONDS);
      // A pool counts as terminated a moment before its threads have returned: wait for them too.
      for (Thread thread : started) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        if (thread.isAlive()) {
          throw new IllegalStateException(
              "SmtpStub thread " + thread.getName() + " did not end within 10 s of close()");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      started.add(thread);
      return thread;
    };
  }
}
