package org.smtpunit.junit;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The embedded servers of one top-level test class: a test leases one for itself and gives it back,
 * emptied, when it ends, so each test sees only its own mail. Tests that run one after another
 * reuse one server; concurrent tests each get their own. All are stopped with the class.
 */
final class EmbeddedServers implements StoredResource {

  private final Deque<EmbeddedMailServer> idle = new ConcurrentLinkedDeque<>();
  private final List<EmbeddedMailServer> all = new ArrayList<>();

  /** Returns an idle server, or starts one. */
  EmbeddedMailServer lease() {
    EmbeddedMailServer server = idle.pollFirst();
    if (server == null) {
      server = new EmbeddedMailServer();
      synchronized (all) {
        all.add(server);
      }
    }
    return server;
  }

  /** Takes a server back once its test has ended, empty for the next one. */
  void release(EmbeddedMailServer server) {
    server.recycle();
    idle.addFirst(server);
  }

  @Override
  public void close() {
    List<EmbeddedMailServer> servers;
    synchronized (all) {
      servers = List.copyOf(all);
      all.clear();
    }
    idle.clear();
    for (EmbeddedMailServer server : servers) {
      try {
        server.close();
      } catch (RuntimeException e) {
        // A server that fails to stop must neither hide the tests' outcome nor keep the others
        // running: go on with the next one.
      }
    }
  }
}
