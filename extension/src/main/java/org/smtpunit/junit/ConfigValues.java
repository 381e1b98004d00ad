package org.smtpunit.junit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.smtpunit.TlsMode;

/** Parsers for configuration values; each failure names the key and the value. */
final class ConfigValues {

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

  private ConfigValues() {}

  static int checkPort(String key, int port) {
    if (port < 1 || port > 65535) {
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

  /**
   * {@code 20s}, {@code 1.5s}, {@code 500ms}, {@code 0.5m}, {@code 1h} or ISO-8601 {@code PT20S}.
   */
  static Duration duration(String key, String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    Matcher matcher = DURATION.matcher(text);
    Duration duration = null;
    if (matcher.matches()) {
      long unitNanos =
          switch (matcher.group(2)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
          };
      BigDecimal nanos = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unitNanos));
      if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
        duration = Duration.ofNanos(nanos.longValue());
      }
    } else {
      try {
        duration = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        // Reported below with the key and value.
      }
    }
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw invalid(key, value, "a positive duration such as 20s, 500ms, 2m or PT20S");
    }
    return duration;
  }

  static boolean bool(String key, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(key, value, "true or false");
    };
  }

  static ExtensionConfigurationException invalid(String key, String value, String expected) {
    return new ExtensionConfigurationException(
        "Invalid SmtpUnit configuration " + key + "=[" + value + "]: expected " + expected);
  }
}
