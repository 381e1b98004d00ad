package org.smtpunit.assertions;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.smtpunit.EnhancedStatus;

/**
 * An RFC 3463 status prefix such as {@code "5.1"}: a class, class and subject, or a whole status,
 * matched part by part so that {@code "5.1"} matches {@code 5.1.10} but not {@code 5.10.0}.
 */
final class StatusPrefix {

  private static final Pattern FORM = Pattern.compile("[245](\\.\\d{1,3}){0,2}");

  private final int[] parts;

  private StatusPrefix(int[] parts) {
    this.parts = parts;
  }

  /**
   * Reads the prefix.
   *
   * @throws IllegalArgumentException when it is null or not {@code x}, {@code x.y} or {@code x.y.z}
   */
  static StatusPrefix parse(String prefix) {
    if (prefix == null || !FORM.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "Not an RFC 3463 enhanced status prefix ["
              + prefix
              + "]: expected a class, class.subject or class.subject.detail such as 5.1");
    }
    return new StatusPrefix(Stream.of(prefix.split("\\.")).mapToInt(Integer::parseInt).toArray());
  }

  /** Returns whether the status starts with this prefix, part by part. */
  boolean matches(EnhancedStatus status) {
    int[] actual = {status.statusClass(), status.subject(), status.detail()};
    for (int i = 0; i < parts.length; i++) {
      if (actual[i] != parts[i]) {
        return false;
      }
    }
    return true;
  }
}
