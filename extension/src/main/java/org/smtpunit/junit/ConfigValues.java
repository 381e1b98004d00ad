package org.smtpunit.junit;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.smtpunit.TlsMode;
import org.smtpunit.internal.Durations;
import org.smtpunit.internal.HostPort;

/**
 * Parsers for configuration values, on the project's shared ones ({@link Durations}, {@link
 * HostPort}); each failure names the key and the value.
 */
final class ConfigValues {

  private ConfigValues() {}

  static int checkPort(String key, int port) {
    if (!HostPort.isPort(port)) {
      throw invalid(key, Integer.toString(port), "a port from 1 to 65535");
    }
    return port;
  }

  static TlsMode tlsMode(String key, String value) {
    String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (TlsMode mode : TlsMode.values()) {
      if (mode.name().equals(name)) {
        return mode;
      }
    }
    throw invalid(key, value, "one of none, starttls, starttls_if_offered, implicit");
  }

  /** {@code 20s}, {@code 1.5s}, {@code 500ms}, {@code 0.5m}, {@code 1h} or {@code PT20S}. */
  static Duration duration(String key, String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw invalid(key, e.getMessage());
    }
  }

  static boolean bool(String key, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(key, value, "true or false");
    };
  }

  static ExtensionConfigurationException invalid(String key, String value, String expected) {
    return invalid(key, "[" + value + "]: expected " + expected);
  }

  /** From a message of the shared parsers, {@code [value]: expected ...}. */
  static ExtensionConfigurationException invalid(String key, String valueAndExpected) {
    return new ExtensionConfigurationException(
        "Invalid SmtpUnit configuration " + key + "=" + valueAndExpected);
  }
}
