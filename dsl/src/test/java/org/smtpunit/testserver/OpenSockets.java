package org.smtpunit.testserver;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What this JVM holds open, read from Linux's {@code /proc}: whether the client's socket on a given
 * local port is still open (a session that threw must have closed it, not left it for the garbage
 * collector), and how many file descriptors there are, to compare with a baseline.
 *
 * <p>Where {@code /proc} is missing, {@link #available()} is false and tests skip these checks.
 */
public final class OpenSockets {

  private OpenSockets() {}

  /** Returns whether {@code /proc/self/fd} and {@code /proc/net/tcp} can be read. */
  public static boolean available() {
    return Files.isDirectory(Path.of("/proc/self/fd")) && Files.exists(Path.of("/proc/net/tcp"));
  }

  /** Returns how many file descriptors the process has open. */
  public static int descriptors() {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
      int count = 0;
      for (Path ignored : fds) {
        count++;
      }
      return count;
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Returns whether this process holds a TCP socket whose local port is {@code port}: an entry of
   * {@code /proc/net/tcp[6]} with that port whose inode one of our descriptors points to.
   */
  public static boolean isOpen(int port) {
    return isOpen(port, -1);
  }

  /**
   * Returns whether this process holds a TCP socket from local port {@code port} to remote port
   * {@code remotePort} ({@code -1}: any). Linux reuses an ephemeral port number for connections to
   * other destinations, so the remote port is what tells this connection from another one.
   */
  public static boolean isOpen(int port, int remotePort) {
    Set<String> inodes = new HashSet<>();
    String hex = String.format(Locale.ROOT, ":%04X", port);
    String remoteHex = remotePort < 0 ? "" : String.format(Locale.ROOT, ":%04X", remotePort);
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] fields = line.trim().split("\\s+");
          if (fields.length > 9
              && fields[1].endsWith(hex)
              && fields[2].endsWith(remoteHex)
              && !fields[9].equals("0")) {
            inodes.add("socket:[" + fields[9] + "]");
          }
        }
      } catch (IOException e) {
        // No IPv6 table: nothing to find there.
      }
    }
    if (inodes.isEmpty()) {
      return false;
    }
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
      for (Path fd : fds) {
        try {
          if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
            return true;
          }
        } catch (IOException e) {
          // The descriptor closed while we looked.
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }
}
