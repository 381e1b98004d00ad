package org.smtpunit.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write and say them: parsed from {@code 500ms}, {@code 20s}, {@code 2m},
 * {@code 1h}, decimals such as {@code 1.5s} or {@code 0.5m}, or ISO-8601 {@code PT20S}; formatted
 * for messages as {@code 20 s} or {@code 250 ms}.
 *
 * <pre>{@code
 * Durations.parse("1.5s");                     // PT1.5S
 * Durations.format(Duration.ofMillis(250));    // "250 ms"
 * }</pre>
 */
public final class Durations {

  private static final Pattern AMOUNT_AND_UNIT =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

  private static final long NANOS_PER_MILLI = 1_000_000L;

  private Durations() {}

  /**
   * Parses a positive duration, ignoring case and surrounding spaces.
   *
   * @throws IllegalArgumentException whose message is the text in brackets and what was expected,
   *     e.g. {@code [soon]: expected a positive duration such as 20s, 500ms, 2m or PT20S}
   */
  public static Duration parse(String text) {
    String trimmed = text.trim();
    Matcher matcher = AMOUNT_AND_UNIT.matcher(trimmed.toLowerCase(Locale.ROOT));
    Duration duration = null;
    if (matcher.matches()) {
      long unitNanos =
          switch (matcher.group(2)) {
            case "ms" -> NANOS_PER_MILLI;
            case "s" -> 1000 * NANOS_PER_MILLI;
            case "m" -> 60_000 * NANOS_PER_MILLI;
            default -> 3_600_000 * NANOS_PER_MILLI;
          };
      BigDecimal nanos = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unitNanos));
      if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
        duration = Duration.ofNanos(nanos.longValue());
      }
    } else {
      try {
        duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        // Reported below with the text.
      }
    }
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(
          "[" + text + "]: expected a positive duration such as 20s, 500ms, 2m or PT20S");
    }
    return duration;
  }

  /** Formats a duration for messages: whole seconds as {@code 20 s}, otherwise {@code 250 ms}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 == 0) {
      return (millis / 1000) + " s";
    }
    return millis + " ms";
  }
}
