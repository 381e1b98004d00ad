package org.smtpunit;

import java.time.Duration;

/** Formats durations the way people say them in messages: {@code 20 s}, {@code 250 ms}. */
final class Durations {

  private Durations() {}

  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 == 0) {
      return (millis / 1000) + " s";
    }
    return millis + " ms";
  }
}
