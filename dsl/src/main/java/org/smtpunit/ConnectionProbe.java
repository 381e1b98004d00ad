package org.smtpunit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link SmtpClient#probe}: could a connection be opened and did the server greet?
 * Never an exception for a connection failure, so a test can assert on it.
 *
 * <pre>{@code
 * ConnectionProbe probe = client.probe("mail1.fabrikam.com", 25);
 * assertThat(probe).isOpen();
 * probe.greeting();   // Optional[220 mail1.fabrikam.com ESMTP]
 * }</pre>
 *
 * @param host the host probed
 * @param port the port probed
 * @param greeting the greeting, when the connection opened and the server greeted
 * @param failure why it did not, otherwise
 * @param elapsed how long the probe took until the greeting or the failure
 * @param transcript what was said
 */
public record ConnectionProbe(
    String host,
    int port,
    Optional<SmtpReply> greeting,
    Optional<ConnectFailure> failure,
    Duration elapsed,
    Transcript transcript) {

  /**
   * Validates the probe: exactly one of greeting and failure is present.
   *
   * @throws IllegalArgumentException when both or neither are present
   */
  public ConnectionProbe {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(greeting, "greeting");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(transcript, "transcript");
    if (greeting.isPresent() == failure.isPresent()) {
      throw new IllegalArgumentException(
          "A probe has either a greeting or a failure, was " + greeting + " and " + failure);
    }
  }

  /** Returns whether the connection opened and the server greeted (with any code). */
  public boolean isOpen() {
    return greeting.isPresent();
  }

  @Override
  public String toString() {
    return host
        + ":"
        + port
        + " "
        + (isOpen() ? "open, greeting [" + greeting.get() + "]" : "failed: " + failure.get())
        + " in "
        + elapsed.toMillis()
        + " ms";
  }
}
