package org.smtpunit.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Postfix's {@code smtp-sink} on a free port of 127.0.0.1, started for one table and stopped. */
final class PostfixSink implements AutoCloseable {

  private static final File BINARY = new File("/usr/sbin/smtp-sink");

  private final Process process;
  private final int port;

  private PostfixSink(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts it and waits until it accepts connections; empty when Postfix is not installed. */
  static Optional<PostfixSink> start() throws IOException, InterruptedException {
    if (!BINARY.canExecute()) {
      return Optional.empty();
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(List.of(BINARY.getPath(), "-c", "127.0.0.1:" + port, "1024"));
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(1, List.of("-u", "nobody"));
    }
    PostfixSink sink =
        new PostfixSink(
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start(),
            port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return Optional.of(sink);
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          sink.close();
          throw new IllegalStateException("smtp-sink did not start");
        }
        Thread.sleep(50);
      }
    }
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(5, TimeUnit.SECONDS);
  }
}
