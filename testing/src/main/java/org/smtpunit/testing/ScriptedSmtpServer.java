package org.smtpunit.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A loopback SMTP server for tests that answers with whatever its script says, byte for byte: the
 * walkthrough's exact replies, and the faults no real server produces on demand (garbage, hangs,
 * drips, early closes). Binds an ephemeral port on 127.0.0.1.
 *
 * <pre>{@code
 * try (ScriptedSmtpServer server = ScriptedSmtpServer.start(c -> {
 *   c.send("220 ready\r\n");
 *   c.readLine();
 *   c.send("250 OK\r\n");
 * })) { ... server.port() ... }
 * }</pre>
 */
public final class ScriptedSmtpServer implements AutoCloseable {

  /** What the server does with one accepted connection. */
  @FunctionalInterface
  public interface Script {
    /** Runs the conversation; returning or throwing closes the connection. */
    void run(Conversation conversation) throws Exception;
  }

  private final ServerSocket listener;
  private final Script script;
  private final ExecutorService workers = DaemonThreads.cachedPool("scripted-smtp-server");
  private final List<Conversation> conversations = new CopyOnWriteArrayList<>();
  private final AtomicInteger open = new AtomicInteger();
  private final List<Throwable> scriptFailures = new CopyOnWriteArrayList<>();

  private ScriptedSmtpServer(Script script, InetAddress address) throws IOException {
    this.script = script;
    this.listener = new ServerSocket();
    // A small receive window, so that a script that stops reading blocks the client's writes
    // after a few megabytes instead of tens (accepted sockets inherit it).
    listener.setReceiveBufferSize(64 * 1024);
    listener.bind(new InetSocketAddress(address, 0), 50);
    workers.submit(this::acceptLoop);
  }

  /** Starts a server on an ephemeral loopback port running the script for each connection. */
  public static ScriptedSmtpServer start(Script script) {
    return start(InetAddress.getLoopbackAddress(), script);
  }

  /** Starts a server on an ephemeral port of this (loopback) address, e.g. 127.0.0.6. */
  public static ScriptedSmtpServer start(InetAddress address, Script script) {
    try {
      return new ScriptedSmtpServer(script, address);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the loopback host name to connect to. */
  public String host() {
    return listener.getInetAddress().getHostAddress();
  }

  /** Returns the port the server listens on. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Returns the conversations so far, oldest first. */
  public List<Conversation> conversations() {
    return List.copyOf(conversations);
  }

  /** Returns the only conversation, waiting briefly for it to be accepted. */
  public Conversation conversation() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (conversations.isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return conversations.get(0);
  }

  /** Returns how many connections are open right now. */
  public int openConnections() {
    return open.get();
  }

  /** Returns exceptions the scripts threw other than socket closes, for diagnosing tests. */
  public List<Throwable> scriptFailures() {
    return List.copyOf(scriptFailures);
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        Conversation conversation = new Conversation(socket);
        conversations.add(conversation);
        open.incrementAndGet();
        workers.submit(() -> serve(conversation));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Conversation conversation) {
    try {
      script.run(conversation);
    } catch (SocketException | EndOfStream e) {
      // The client went away; that is what many tests are about.
    } catch (Throwable e) {
      scriptFailures.add(e);
    } finally {
      conversation.close();
      open.decrementAndGet();
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // Closing a listener only fails if it is already closed.
    }
    conversations.forEach(Conversation::close);
    workers.shutdownNow();
  }

  /** Thrown by {@link Conversation#readLine()} when the client closed the connection. */
  public static final class EndOfStream extends IOException {
    private static final long serialVersionUID = 1L;

    EndOfStream() {
      super("client closed the connection");
    }
  }

  /** One accepted connection: what the client sent, and a way to answer. */
  public static final class Conversation {
    private Socket socket;
    private final ClientInput in;
    private OutputStream out;

    Conversation(Socket socket) throws IOException {
      this.socket = socket;
      socket.setTcpNoDelay(true);
      this.in = new ClientInput(socket.getInputStream(), EndOfStream::new);
      this.out = socket.getOutputStream();
    }

    /**
     * Continues the conversation over TLS: layers a server-side {@link SSLSocket} over the accepted
     * socket and completes the handshake (the server half of STARTTLS or implicit TLS).
     */
    public void startTls(SSLContext context) throws IOException {
      SSLSocket tls =
          (SSLSocket)
              context
                  .getSocketFactory()
                  .createSocket(
                      socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
      if (in.hasReadAhead()) {
        throw new IOException("the client sent bytes after STARTTLS before the server's 220");
      }
      tls.setUseClientMode(false);
      if (context.getProtocol().startsWith("TLSv")) {
        tls.setEnabledProtocols(new String[] {context.getProtocol()});
      }
      tls.startHandshake();
      socket = tls;
      in.switchTo(tls.getInputStream());
      out = tls.getOutputStream();
    }

    /** Writes the text exactly (include the CRLFs). */
    public void send(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    /** Writes the bytes exactly. */
    public void sendBytes(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    /**
     * Writes the bytes one at a time, pausing {@code interval} after each: a server that drips.
     * Stops quietly when the client has gone.
     */
    public void drip(byte[] bytes, Duration interval) throws IOException {
      for (byte b : bytes) {
        out.write(b);
        out.flush();
        try {
          Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    /** Sleeps until the client closes the connection (or the server stops), reading nothing. */
    public void stopReading() throws InterruptedException {
      while (!socket.isClosed()) {
        Thread.sleep(20);
      }
    }

    /** Reads one line the client sent, without its CRLF. */
    public String readLine() throws IOException {
      return in.readLine();
    }

    /** Reads exactly {@code count} bytes the client sent, wherever its lines end. */
    public byte[] readBytes(int count) throws IOException {
      return in.readBytes(count);
    }

    /** Reads lines up to and including the lone {@code .}, returning the content before it. */
    public List<String> readData() throws IOException {
      List<String> data = new ArrayList<>();
      for (String line = readLine(); !line.equals("."); line = readLine()) {
        data.add(line);
      }
      return data;
    }

    /** Reads and records everything until the client closes (or the server does). */
    public void drain() throws IOException {
      while (true) {
        readLine();
      }
    }

    /** Returns the client's port: its socket's local port, to look it up in the process. */
    public int clientPort() {
      return socket.getPort();
    }

    /** Returns the lines received so far. */
    public List<String> lines() {
      return in.lines();
    }

    /** Returns every byte received so far. */
    public byte[] receivedBytes() {
      return in.receivedBytes();
    }

    /** Waits until the client closes its side, so tests can see what it sent. */
    public void awaitClientClose() {
      try {
        drain();
      } catch (IOException e) {
        // Closed: what we waited for.
      }
    }

    /** Closes the connection. */
    public void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Already closed.
      }
    }
  }
}
