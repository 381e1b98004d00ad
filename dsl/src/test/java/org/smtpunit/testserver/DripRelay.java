package org.smtpunit.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import org.smtpunit.testing.DaemonThreads;
import org.smtpunit.testing.ScriptedSmtpServer;

/**
 * A loopback TCP relay between the client and a {@link ScriptedSmtpServer} that can pass the
 * server's bytes to the client one at a time: a TLS record dripped below the TLS layer, which no
 * server-side script can produce through its own {@code SSLSocket}.
 *
 * <pre>{@code
 * try (DripRelay relay = DripRelay.to(server, Duration.ofMillis(30), true)) {
 *   client.open(relay.host(), relay.port()); // the handshake arrives one byte per 30 ms
 * }
 * }</pre>
 */
public final class DripRelay implements AutoCloseable {

  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final Duration interval;
  private volatile boolean dripping;
  private final ExecutorService workers = DaemonThreads.cachedPool("drip-relay");
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

  private DripRelay(String host, int port, Duration interval, boolean dripping) throws IOException {
    this.targetHost = host;
    this.targetPort = port;
    this.interval = interval;
    this.dripping = dripping;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    workers.submit(this::acceptLoop);
  }

  /**
   * Starts a relay to the server; while dripping, each byte from the server waits {@code interval}.
   */
  public static DripRelay to(ScriptedSmtpServer server, Duration interval, boolean dripping) {
    try {
      return new DripRelay(server.host(), server.port(), interval, dripping);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts or stops dripping the server's bytes from now on (a script may call it). */
  public void dripping(boolean on) {
    this.dripping = on;
  }

  /** Returns the local ports of the clients that connected, oldest first. */
  public List<Integer> clientPorts() {
    return List.copyOf(clientPorts);
  }

  /** Returns the loopback address to connect to. */
  public String host() {
    return listener.getInetAddress().getHostAddress();
  }

  /** Returns the relay's port. */
  public int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(targetHost, targetPort);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        sockets.add(client);
        clientPorts.add(client.getPort());
        sockets.add(server);
        List<Socket> pair = List.of(client, server);
        workers.submit(() -> pump(client.getInputStream(), server.getOutputStream(), false, pair));
        workers.submit(() -> pump(server.getInputStream(), client.getOutputStream(), true, pair));
      } catch (IOException e) {
        return;
      }
    }
  }

  private Void pump(InputStream in, OutputStream out, boolean fromServer, List<Socket> pair) {
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (fromServer && dripping) {
          for (int i = 0; i < n; i++) {
            out.write(buffer[i]);
            out.flush();
            Thread.sleep(interval.toMillis());
          }
        } else {
          out.write(buffer, 0, n);
          out.flush();
        }
      }
    } catch (IOException | InterruptedException e) {
      // One side went away: the relay closes both below.
    }
    pair.forEach(DripRelay::closeQuietly);
    return null;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  @Override
  public void close() {
    closeQuietly(listener);
    sockets.forEach(DripRelay::closeQuietly);
    workers.shutdownNow();
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }
}
