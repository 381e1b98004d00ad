package org.smtpunit.junit;

import java.util.regex.Pattern;

/**
 * A host and an optional port, parsed from {@code host}, {@code host:port}, a bare IPv6 address or
 * {@code [v6]:port}; anything else fails naming the configuration key.
 */
record HostPort(String host, int port, boolean portGiven) {

  private static final Pattern BARE_IPV6 = Pattern.compile("[0-9A-Fa-f]*(:[0-9A-Fa-f]*){2,7}");

  HostPort(String host, int port) {
    this(host, port, true);
  }

  static HostPort parse(String key, String value, int defaultPort) {
    String text = value.trim();
    String host = text;
    int port = defaultPort;
    boolean given = false;
    int colon = text.indexOf(':');
    if (text.startsWith("[")) {
      int end = text.indexOf(']');
      if (end < 0) {
        throw ConfigValues.invalid(key, value, "an IPv6 address in brackets: [::1]:2525");
      }
      host = text.substring(1, end);
      if (text.length() > end + 1) {
        if (text.charAt(end + 1) != ':') {
          throw ConfigValues.invalid(key, value, "host, host:port or [IPv6]:port");
        }
        port = port(key, value, text.substring(end + 2));
        given = true;
      }
    } else if (colon >= 0 && colon == text.lastIndexOf(':')) {
      host = text.substring(0, colon);
      port = port(key, value, text.substring(colon + 1));
      given = true;
    } else if (colon >= 0 && !(BARE_IPV6.matcher(text).matches() && isIpv6(text))) {
      // 127.0.0.1:25:26 is neither a host with a port nor an IPv6 address.
      throw ConfigValues.invalid(key, value, "host, host:port or [IPv6]:port");
    }
    if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == '[' || c == ']')) {
      throw ConfigValues.invalid(key, value, "host, host:port or [IPv6]:port");
    }
    return new HostPort(host, port, given);
  }

  /** Eight groups, or fewer with exactly one {@code ::}. */
  private static boolean isIpv6(String text) {
    int doubleColon = text.indexOf("::");
    if (doubleColon >= 0) {
      return doubleColon == text.lastIndexOf("::");
    }
    return text.split(":", -1).length == 8;
  }

  private static int port(String key, String value, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below with the key and value.
    }
    throw ConfigValues.invalid(key, value, "a port from 1 to 65535");
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
