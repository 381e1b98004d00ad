package org.smtpunit.junit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The TCP sockets this JVM still holds to a server port, read from Linux's {@code /proc}: a session
 * that ended must have closed its socket, not left it for the garbage collector.
 *
 * <pre>{@code
 * assertThat(ClientSockets.openTo(stub.port())).isZero();
 * }</pre>
 *
 * <p>Where {@code /proc} is missing, {@link #available()} is false and tests skip this check.
 */
final class ClientSockets {

  private ClientSockets() {}

  /** Returns whether {@code /proc/self/fd} and {@code /proc/net/tcp} can be read. */
  static boolean available() {
    return Files.isDirectory(Path.of("/proc/self/fd")) && Files.exists(Path.of("/proc/net/tcp"));
  }

  /**
   * Returns how many sockets of this process are connected to remote port {@code port}: entries of
   * {@code /proc/net/tcp[6]} with that remote port whose inode one of our descriptors points to. A
   * server in the same JVM has the port as its local port, so only client sockets count.
   */
  static int openTo(int port) {
    Set<String> inodes = new HashSet<>();
    String remoteHex = String.format(Locale.ROOT, ":%04X", port);
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] fields = line.trim().split("\\s+");
          if (fields.length > 9 && fields[2].endsWith(remoteHex) && !fields[9].equals("0")) {
            inodes.add("socket:[" + fields[9] + "]");
          }
        }
      } catch (IOException e) {
        // No IPv6 table: nothing to find there.
      }
    }
    int open = 0;
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
      for (Path fd : fds) {
        try {
          if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
            open++;
          }
        } catch (IOException e) {
          // The descriptor closed while we looked.
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc/self/fd", e);
    }
    return open;
  }
}
