package org.smtpunit.internal;

import java.time.Duration;
import java.util.List;

/**
 * The failure of waiting for messages to arrive at a test server (the embedded server, the stub):
 * one wording, listing those that did arrive.
 *
 * <pre>{@code
 * throw Arrivals.tooFew(2, Duration.ofSeconds(5), received);
 * // Expected 2 messages within 5000 ms, but 1 arrived: [...]
 * }</pre>
 */
public final class Arrivals {

  private Arrivals() {}

  /**
   * Returns the error saying fewer than {@code count} messages arrived within {@code timeout}.
   *
   * @param count how many messages were awaited
   * @param timeout how long they were awaited
   * @param arrived those that arrived
   */
  public static AssertionError tooFew(int count, Duration timeout, List<?> arrived) {
    return new AssertionError(
        "Expected "
            + count
            + " messages within "
            + timeout.toMillis()
            + " ms, but "
            + arrived.size()
            + " arrived: "
            + arrived);
  }
}
