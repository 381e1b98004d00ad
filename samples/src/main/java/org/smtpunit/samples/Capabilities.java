package org.smtpunit.samples;

import static org.smtpunit.assertions.SmtpAssertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.smtpunit.EhloReply;
import org.smtpunit.SmtpReply;

/**
 * Checks phrased at the level the protocol guarantees: the reply class always, an enhanced status
 * (RFC 3463) only where the server sent one, and then by class and subject ({@code 5.1} for an
 * address, {@code 5.7} for policy) rather than one server's detail.
 */
final class Capabilities {

  private static final Pattern ASKS_FOR_TLS =
      Pattern.compile("(?i).*(starttls|\\btls\\b|encrypt|secure connection).*");

  private Capabilities() {}

  /**
   * Asserts the enhanced status starts with {@code prefix} (e.g. {@code "5.1"}) when the reply
   * carries one; a reply without one (allowed even where EHLO advertised ENHANCEDSTATUSCODES by
   * some servers) is judged by its code alone.
   */
  static void hasEnhancedStatusStartingWithIfSent(SmtpReply reply, String prefix) {
    if (reply.enhancedStatus().isPresent()) {
      assertThat(reply).hasEnhancedStatusStartingWith(prefix);
    }
  }

  /** Skips the check, naming the capability the server lacks. */
  static void assumeSupports(EhloReply ehlo, String keyword, String why) {
    Assumptions.assumeTrue(
        ehlo.supports(keyword), () -> "the server does not advertise " + keyword + ": " + why);
  }

  /**
   * Why a refused MAIL FROM is not a refusal for want of authentication, or empty when it is: a
   * 5.7.x or 5.5.1 status, or a 530/550 whose text does not ask for STARTTLS.
   */
  static Optional<String> notAnAuthenticationRefusal(SmtpReply reply) {
    String text = String.join(" ", reply.lines()).toLowerCase(Locale.ROOT);
    if (reply.isPositiveCompletion()) {
      return Optional.of(
          "the server accepted MAIL FROM without authentication ["
              + reply
              + "]: this port does not require it");
    }
    if (ASKS_FOR_TLS.matcher(text).matches()) {
      return Optional.of(
          "the refusal asks for TLS, not for authentication ["
              + reply
              + "]: run with --tls starttls (smtpunit.tls=starttls)");
    }
    String status = reply.enhancedStatus().map(Object::toString).orElse("");
    if (status.startsWith("5.7.") || status.equals("5.5.1")) {
      return Optional.empty();
    }
    if (status.isEmpty() && (reply.code() == 530 || reply.code() == 550)) {
      return Optional.empty();
    }
    return Optional.of(
        "the refusal is not about authentication ["
            + reply
            + "]: expected a 5.7.x or 5.5.1 status, or a 530/550 without one");
  }
}
