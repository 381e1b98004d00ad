package org.smtpunit.junit;

/**
 * A configured host and port, and whether the text gave the port: parsed by the project's one
 * host:port parser ({@link org.smtpunit.internal.HostPort}), a failure naming the key.
 */
record HostPort(String host, int port, boolean portGiven) {

  HostPort(String host, int port) {
    this(host, port, true);
  }

  static HostPort parse(String key, String value, int defaultPort) {
    org.smtpunit.internal.HostPort parsed;
    try {
      parsed = org.smtpunit.internal.HostPort.parse(value, defaultPort);
    } catch (IllegalArgumentException e) {
      // The message is "[value]: expected ...", made to be prefixed with the key.
      throw ConfigValues.invalid(key, e.getMessage());
    }
    return new HostPort(
        parsed.host(), parsed.port(), org.smtpunit.internal.HostPort.hasPort(value));
  }

  @Override
  public String toString() {
    return org.smtpunit.internal.HostPort.format(host, port);
  }
}
