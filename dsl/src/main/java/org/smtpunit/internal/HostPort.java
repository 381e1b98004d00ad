package org.smtpunit.internal;

/**
 * A host and a TCP port, parsed from and written as {@code host}, {@code host:port} or {@code
 * [IPv6]:port}, with the one port range check (1 to 65535).
 *
 * <pre>{@code
 * HostPort target = HostPort.parse("[::1]:2525", 25);   // host "::1", port 2525
 * target.toString();                                     // "[::1]:2525"
 * }</pre>
 *
 * @param host a host name or an address, without brackets
 * @param port the port, 1 to 65535
 */
public record HostPort(String host, int port) {

  private static final String FORMS = "host, host:port or [IPv6]:port";

  /**
   * Validates the host and the port.
   *
   * @throws IllegalArgumentException for a blank host, a host with spaces or control characters, or
   *     a port outside 1 to 65535
   */
  public HostPort {
    if (host == null || host.isBlank() || host.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException("[" + host + "]: expected a host name or an address");
    }
    checkPort("Port", port);
  }

  /**
   * Parses {@code host}, {@code host:port} or {@code [IPv6]:port}; an IPv6 address without brackets
   * is a host without a port.
   *
   * @throws IllegalArgumentException whose message is the text in brackets and what was expected,
   *     e.g. {@code [localhost:70000]: expected a port from 1 to 65535}, for callers to prefix
   */
  public static HostPort parse(String text, int defaultPort) {
    String trimmed = text.trim();
    String host = trimmed;
    int port = defaultPort;
    if (trimmed.startsWith("[")) {
      int end = trimmed.indexOf(']');
      if (end < 0) {
        throw invalid(text, "an IPv6 address in brackets: [::1]:2525");
      }
      host = trimmed.substring(1, end);
      if (trimmed.length() > end + 1) {
        if (trimmed.charAt(end + 1) != ':') {
          throw invalid(text, FORMS);
        }
        port = port(text, trimmed.substring(end + 2));
      }
    } else if (hasOneColon(trimmed)) {
      host = trimmed.substring(0, trimmed.indexOf(':'));
      port = port(text, trimmed.substring(trimmed.indexOf(':') + 1));
    } else if (trimmed.indexOf(':') >= 0 && !isIpv6Literal(trimmed)) {
      // 127.0.0.1:25:26 is neither a host with a port nor an IPv6 address.
      throw invalid(text, FORMS);
    }
    if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ')) {
      throw invalid(text, FORMS);
    }
    return new HostPort(host, port);
  }

  /**
   * Returns whether the text names a port, in the forms {@link #parse} reads ({@code host:port},
   * {@code [IPv6]:port}), so that a default port can be told from a given one.
   */
  public static boolean hasPort(String text) {
    String trimmed = text.trim();
    return trimmed.startsWith("[") ? trimmed.indexOf("]:") > 0 : hasOneColon(trimmed);
  }

  private static boolean hasOneColon(String text) {
    return text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':');
  }

  /** Hexadecimal groups: eight, or fewer with exactly one {@code ::} (RFC 4291 §2.2). */
  private static boolean isIpv6Literal(String text) {
    if (!text.matches("[0-9A-Fa-f:]+")) {
      return false;
    }
    int doubleColon = text.indexOf("::");
    return doubleColon >= 0
        ? doubleColon == text.lastIndexOf("::")
        : text.split(":", -1).length == 8;
  }

  /**
   * Returns whether the name is an address literal (IPv4 digits and dots, or anything with a colon:
   * IPv6), which TLS neither sends as SNI nor verifies as a host name.
   */
  public static boolean isAddressLiteral(String name) {
    return name.matches("[0-9.]+|.*:.*");
  }

  /** Returns whether the number is a TCP port: 1 to 65535. */
  public static boolean isPort(int port) {
    return port >= 1 && port <= 65535;
  }

  /**
   * Returns the port when it is one.
   *
   * @throws IllegalArgumentException {@code <what> must be 1 to 65535, was [<port>]}
   */
  public static int checkPort(String what, int port) {
    if (!isPort(port)) {
      throw new IllegalArgumentException(what + " must be 1 to 65535, was [" + port + "]");
    }
    return port;
  }

  /** Writes {@code host:port}, bracketing an IPv6 address: {@code [::1]:25}. */
  public static String format(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** Returns {@code host:port}, an IPv6 address in brackets. */
  @Override
  public String toString() {
    return format(host, port);
  }

  private static int port(String text, String digits) {
    try {
      int port = Integer.parseInt(digits);
      if (isPort(port)) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below with the text.
    }
    throw invalid(text, "a port from 1 to 65535");
  }

  private static IllegalArgumentException invalid(String text, String expected) {
    return new IllegalArgumentException("[" + text + "]: expected " + expected);
  }
}
