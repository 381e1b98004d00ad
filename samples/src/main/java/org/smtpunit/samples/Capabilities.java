package org.smtpunit.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.smtpunit.EhloReply;
import org.smtpunit.SmtpReply;

/**
 * Checks phrased at the level the protocol guarantees: reply class and code everywhere, enhanced
 * status only where the server advertises ENHANCEDSTATUSCODES (RFC 2034).
 */
final class Capabilities {

  private Capabilities() {}

  /** Asserts the enhanced status when the server advertises it; otherwise the code alone stands. */
  static void hasEnhancedStatusIfAdvertised(EhloReply ehlo, SmtpReply reply, String status) {
    if (ehlo.supports("ENHANCEDSTATUSCODES")) {
      assertThat(reply).hasEnhancedStatus(status);
    }
  }

  /** Asserts the enhanced status class (e.g. {@code 5.7}) when the server advertises them. */
  static void hasEnhancedStatusStartingIfAdvertised(
      EhloReply ehlo, SmtpReply reply, String prefix) {
    if (ehlo.supports("ENHANCEDSTATUSCODES")) {
      assertThat(reply.enhancedStatus())
          .as("enhanced status of [%s]", reply)
          .hasValueSatisfying(s -> assertThat(s.toString()).startsWith(prefix));
    }
  }

  /** Skips the check, naming the capability the server lacks. */
  static void assumeSupports(EhloReply ehlo, String keyword, String why) {
    Assumptions.assumeTrue(
        ehlo.supports(keyword), () -> "the server does not advertise " + keyword + ": " + why);
  }
}
