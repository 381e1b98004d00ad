package org.smtpunit.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.smtpunit.testing.DaemonThreads;

/**
 * An in-process SMTP sink on loopback that never adds latency of its own: TCP_NODELAY, each reply
 * (the multi-line EHLO included) in one write, and pipelined commands answered in one write when
 * more input is already buffered, as real servers do. A thread per connection, so 1,000 idle
 * sessions cost threads, not CPU.
 */
final class SmtpSink implements AutoCloseable {

  private static final byte[] EHLO =
      ("250-sink.bench.invalid\r\n250-PIPELINING\r\n250-SIZE 36700160\r\n250-8BITMIME\r\n"
              + "250-ENHANCEDSTATUSCODES\r\n250 DSN\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  /** The EHLO reply before STARTTLS, when the sink has a TLS context. */
  private static final byte[] EHLO_STARTTLS =
      ("250-sink.bench.invalid\r\n250-STARTTLS\r\n250-PIPELINING\r\n250-SIZE 36700160\r\n"
              + "250-8BITMIME\r\n250-ENHANCEDSTATUSCODES\r\n250 DSN\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  private final SSLContext tls;
  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  /** Threads are reused across connections: creating one per connection would be measured too. */
  private final ExecutorService workers = DaemonThreads.cachedPool("smtp-sink");

  SmtpSink() throws IOException {
    this(null);
  }

  /** A sink that offers STARTTLS with this server context ({@code null}: no STARTTLS). */
  SmtpSink(SSLContext tls) throws IOException {
    this.tls = tls;
    listener = new ServerSocket(0, 1024, InetAddress.getByName("127.0.0.1"));
    Thread acceptor = new Thread(this::accept, "smtp-sink-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        socket.setTcpNoDelay(true);
        open.add(socket);
        workers.execute(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket tcp) {
    Socket socket = tcp;
    try (tcp) {
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream pending = new ByteArrayOutputStream(512);
      pending.writeBytes("220 sink.bench.invalid ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
      out.write(pending.toByteArray());
      pending.reset();
      boolean data = false;
      ByteArrayOutputStream line = new ByteArrayOutputStream(128);
      while (true) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        if (b != '\n') {
          line.write(b);
          continue;
        }
        String text = line.toString(StandardCharsets.US_ASCII).stripTrailing();
        line.reset();
        boolean quit = false;
        if (data) {
          if (text.equals(".")) {
            data = false;
            pending.writeBytes("250 2.0.0 Ok: queued\r\n".getBytes(StandardCharsets.US_ASCII));
          }
        } else {
          String verb = text.length() >= 4 ? text.substring(0, 4).toUpperCase(Locale.ROOT) : text;
          switch (verb) {
            case "EHLO" -> pending.writeBytes(tls != null && socket == tcp ? EHLO_STARTTLS : EHLO);
            case "STAR" -> {
              if (tls == null || socket != tcp) {
                pending.writeBytes("502 5.5.1 No STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
              } else {
                out.write("220 2.0.0 Ready to start TLS\r\n".getBytes(StandardCharsets.US_ASCII));
                socket = secure(tcp);
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = socket.getOutputStream();
              }
            }
            case "DATA" -> {
              data = true;
              pending.writeBytes(
                  "354 End data with <CR><LF>.<CR><LF>\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            case "QUIT" -> {
              pending.writeBytes("221 2.0.0 Bye\r\n".getBytes(StandardCharsets.US_ASCII));
              quit = true;
            }
            default -> pending.writeBytes("250 2.0.0 Ok\r\n".getBytes(StandardCharsets.US_ASCII));
          }
        }
        // One write per batch: flush only when the client has sent nothing more yet.
        if (pending.size() > 0 && (quit || in.available() == 0)) {
          out.write(pending.toByteArray());
          pending.reset();
        }
        if (quit) {
          return;
        }
      }
    } catch (IOException gone) {
      // The client went away.
    } finally {
      open.remove(tcp);
    }
  }

  private Socket secure(Socket tcp) throws IOException {
    SSLSocket socket =
        (SSLSocket)
            tls.getSocketFactory()
                .createSocket(tcp, tcp.getInetAddress().getHostAddress(), tcp.getPort(), true);
    socket.setUseClientMode(false);
    socket.startHandshake();
    return socket;
  }

  @Override
  public void close() throws IOException {
    listener.close();
    workers.shutdownNow();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
