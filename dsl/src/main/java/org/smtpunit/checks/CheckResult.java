package org.smtpunit.checks;

import org.smtpunit.Transcript;

/**
 * What every single-conversation security check has: whether it could decide, what its outcome
 * rests on, and the conversation it rests on. {@link LeakCheck}, {@link RelayCheck}, {@link
 * StartTlsCheck} and {@link ReverseDnsCheck} implement it, so a report or a test can treat them
 * alike.
 *
 * <pre>{@code
 * CheckResult relay = checks.openRelay("chris@contoso.com", "someone@northwindtraders.com");
 * if (relay.isInconclusive()) {
 *   System.out.println(relay.reason() + "\n" + relay.transcript());
 * }
 * }</pre>
 */
public interface CheckResult {

  /**
   * Returns whether the check could not decide (a 4xx, a dropped connection, a DNS failure).
   *
   * @return whether the check could not decide
   */
  boolean inconclusive();

  /**
   * Returns what the outcome rests on, in words.
   *
   * @return what the outcome rests on
   */
  String reason();

  /**
   * Returns the conversation the outcome rests on.
   *
   * @return the conversation
   */
  Transcript transcript();

  /**
   * Returns whether the check could not decide; an inconclusive check is never a pass.
   *
   * @return whether the check could not decide
   */
  default boolean isInconclusive() {
    return inconclusive();
  }
}
