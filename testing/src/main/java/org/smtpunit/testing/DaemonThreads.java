package org.smtpunit.testing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The thread pool of a test server: cached, its threads named for the server and daemons, so a
 * server a test forgot to close never keeps the JVM alive.
 *
 * <pre>{@code
 * ExecutorService workers = DaemonThreads.cachedPool("test-dns-server");
 * }</pre>
 */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** Returns a cached pool whose threads are daemons named {@code name}. */
  public static ExecutorService cachedPool(String name) {
    return Executors.newCachedThreadPool(
        runnable -> {
          Thread thread = new Thread(runnable, name);
          thread.setDaemon(true);
          return thread;
        });
  }
}
