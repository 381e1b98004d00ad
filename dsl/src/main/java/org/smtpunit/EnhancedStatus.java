package org.smtpunit;

import java.util.Optional;

/**
 * An RFC 3463 enhanced mail system status code, {@code class.subject.detail}, as in {@code 250
 * 2.1.0 Sender OK}.
 *
 * <pre>{@code
 * EnhancedStatus status = EnhancedStatus.parse("5.1.1");
 * status.toString();  // "5.1.1"
 * }</pre>
 *
 * @param statusClass 2 (success), 4 (persistent transient failure) or 5 (permanent failure)
 * @param subject 0 to 999
 * @param detail 0 to 999
 */
public record EnhancedStatus(int statusClass, int subject, int detail) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException when a part is out of RFC 3463's range
   */
  public EnhancedStatus {
    if (statusClass != 2 && statusClass != 4 && statusClass != 5) {
      throw new IllegalArgumentException(
          "Enhanced status class must be 2, 4 or 5, was [" + statusClass + "]");
    }
    if (subject < 0 || subject > 999 || detail < 0 || detail > 999) {
      throw new IllegalArgumentException(
          "Enhanced status subject and detail must be 0 to 999, were ["
              + subject
              + "] and ["
              + detail
              + "]");
    }
  }

  /**
   * Parses {@code x.y.z}.
   *
   * @throws IllegalArgumentException when the text is not an enhanced status code
   */
  public static EnhancedStatus parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Not an RFC 3463 enhanced status code [" + text + "]: expected x.y.z"));
  }

  /** Parses {@code x.y.z}, or returns empty when the text is not one. */
  static Optional<EnhancedStatus> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    int[] values = new int[3];
    for (int i = 0; i < 3; i++) {
      String part = parts[i];
      int maxDigits = i == 0 ? 1 : 3;
      if (part.isEmpty() || part.length() > maxDigits) {
        return Optional.empty();
      }
      for (int c = 0; c < part.length(); c++) {
        if (part.charAt(c) < '0' || part.charAt(c) > '9') {
          return Optional.empty();
        }
      }
      values[i] = Integer.parseInt(part);
    }
    if (values[0] != 2 && values[0] != 4 && values[0] != 5) {
      return Optional.empty();
    }
    return Optional.of(new EnhancedStatus(values[0], values[1], values[2]));
  }

  /** Returns {@code class.subject.detail}, e.g. {@code 2.1.0}. */
  @Override
  public String toString() {
    return statusClass + "." + subject + "." + detail;
  }
}
