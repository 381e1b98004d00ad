package org.smtpunit.stub;

import java.util.Objects;

/**
 * A command a replaying {@link SmtpStub} did not expect: it answered {@code 503 5.5.1} instead of
 * the recorded reply.
 *
 * <pre>{@code
 * assertThat(stub.mismatches()).isEmpty();
 * }</pre>
 *
 * @param position the index of the recorded command (0 for the first command after the greeting)
 * @param expected the recorded command; {@code "(end of recording)"} after its last one
 * @param actual the command the client sent
 */
public record Mismatch(int position, String expected, String actual) {

  /** Validates the mismatch. */
  public Mismatch {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
  }

  /**
   * Returns e.g. {@code #2: expected [RCPT TO:<kate@fabrikam.com>] but got [RCPT TO:<bob@...>]}.
   */
  @Override
  public String toString() {
    return "#" + position + ": expected [" + expected + "] but got [" + actual + "]";
  }
}
