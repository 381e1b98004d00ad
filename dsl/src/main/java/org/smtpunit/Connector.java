package org.smtpunit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smtpunit.dns.HostNames;

/** Opens TCP connections and classifies why a connection or a session could not be opened. */
final class Connector {

  private Connector() {}

  /**
   * Resolves the host and connects to its addresses in turn.
   *
   * @throws SmtpConnectException when no address accepts the connection
   */
  static Socket connect(String host, int port, Duration timeout, TranscriptLog log) {
    InetAddress[] addresses;
    try {
      addresses = resolve(host);
    } catch (UnknownHostException e) {
      throw failure(host, port, e, log);
    }
    return connect(host, addresses, port, timeout, log);
  }

  /**
   * Connects to the host's given addresses in turn.
   *
   * @throws SmtpConnectException when no address accepts the connection
   */
  static Socket connect(
      String host, InetAddress[] addresses, int port, Duration timeout, TranscriptLog log) {
    IOException first = null;
    for (InetAddress address : addresses) {
      log.note("Trying " + address.getHostAddress() + " port " + port + "...");
      Socket socket = new Socket();
      try {
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
        log.connected("Connected to " + host + " [" + address.getHostAddress() + "] port " + port);
        return socket;
      } catch (IOException e) {
        closeQuietly(socket);
        log.note("Connection to " + address.getHostAddress() + " failed: " + e.getMessage());
        if (first == null) {
          first = e;
        }
      }
    }
    throw failure(host, port, first, log);
  }

  /**
   * Resolves a name. Names under {@code .invalid} never resolve (RFC 6761 §6.4 asks resolvers to
   * answer them negatively at once), so no query leaves the machine for them.
   */
  static InetAddress[] resolve(String host) throws UnknownHostException {
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String ascii;
    try {
      ascii = HostNames.toAscii(name);
    } catch (IllegalArgumentException e) {
      throw new UnknownHostException(e.getMessage());
    }
    String lower = ascii.toLowerCase(Locale.ROOT);
    if (lower.equals("invalid") || lower.endsWith(".invalid")) {
      throw new UnknownHostException(ascii + ": the .invalid domain never resolves (RFC 6761)");
    }
    return InetAddress.getAllByName(ascii);
  }

  /** Maps the platform's exception to a {@link ConnectFailure}. */
  static ConnectFailure classify(IOException e) {
    if (e instanceof UnknownHostException) {
      return ConnectFailure.UNKNOWN_HOST;
    }
    if (e instanceof SocketTimeoutException) {
      return ConnectFailure.TIMED_OUT;
    }
    if (e instanceof NoRouteToHostException) {
      return ConnectFailure.UNREACHABLE;
    }
    if (e instanceof PortUnreachableException) {
      return ConnectFailure.REFUSED;
    }
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (message.contains("refused")) {
      return ConnectFailure.REFUSED;
    }
    if (message.contains("unreachable")) {
      return ConnectFailure.UNREACHABLE;
    }
    if (message.contains("timed out")) {
      return ConnectFailure.TIMED_OUT;
    }
    return ConnectFailure.OTHER;
  }

  /**
   * Maps why a session could not be opened to a {@link ConnectFailure}: the one answer for a probe
   * and for falling back to the next mail exchanger. A connect failure carries its own; any other
   * exception type not listed in {@link OpenFailures#BY_TYPE} is {@link ConnectFailure#OTHER}.
   */
  static ConnectFailure classify(SmtpException e) {
    if (e instanceof SmtpConnectException connect) {
      return connect.failure();
    }
    return OpenFailures.BY_TYPE.stream()
        .filter(known -> known.getKey().isInstance(e))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(ConnectFailure.OTHER);
  }

  static SmtpConnectException failure(String host, int port, IOException e, TranscriptLog log) {
    ConnectFailure failure = classify(e);
    String detail = e == null ? "" : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new SmtpConnectException(
        SmtpConnectException.describe(host, port, failure, detail), failure, log.snapshot(), e);
  }

  static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Nothing more can be done; the socket is released.
    }
  }

  /**
   * What breaking off while opening a session means, by exception type. A holder class, so a
   * session that opens fine never loads the table, the enum and the exception classes it names.
   */
  private static final class OpenFailures {
    static final List<Map.Entry<Class<? extends SmtpException>, ConnectFailure>> BY_TYPE =
        List.of(
            Map.entry(SmtpTlsException.class, ConnectFailure.TLS_FAILED),
            Map.entry(SmtpTimeoutException.class, ConnectFailure.NO_GREETING),
            Map.entry(SmtpConnectionClosedException.class, ConnectFailure.CLOSED_BEFORE_GREETING),
            Map.entry(SmtpProtocolException.class, ConnectFailure.MALFORMED_GREETING));
  }
}
