package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldHaveReceived.shouldHaveReceived;

import java.util.Locale;
import org.smtpunit.ReceivedMessage;

/**
 * Assertions on a message a server received; get one from {@link
 * SmtpAssertions#assertThat(ReceivedMessage)}.
 *
 * <pre>{@code
 * assertThat(server.awaitMessages(1, Duration.ofSeconds(5)).get(0))
 *     .hasSubject("Test from Contoso")
 *     .hasRecipient("kate@fabrikam.com")
 *     .hasBodyContaining("This is a test message");
 * }</pre>
 */
public class ReceivedMessageAssert
    extends AbstractSmtpUnitAssert<ReceivedMessageAssert, ReceivedMessage> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public ReceivedMessageAssert(ReceivedMessage actual) {
    super(actual, ReceivedMessageAssert.class);
  }

  /**
   * Verifies the (decoded) Subject.
   *
   * @throws IllegalArgumentException when {@code subject} is null
   */
  public ReceivedMessageAssert hasSubject(String subject) {
    Expected.notNull(subject, "subject");
    isNotNull();
    if (!actual.subject().equals(subject)) {
      failWithDiff(
          actual.subject(), subject, shouldHaveReceived(actual, "to have subject", subject));
    }
    return myself;
  }

  /**
   * Verifies the From header contains the address (case-insensitive).
   *
   * @throws IllegalArgumentException when {@code address} is null
   */
  public ReceivedMessageAssert isFrom(String address) {
    Expected.notNull(address, "address");
    isNotNull();
    if (!actual.from().toLowerCase(Locale.ROOT).contains(address.toLowerCase(Locale.ROOT))) {
      throwAssertionError(shouldHaveReceived(actual, "to be from", address));
    }
    return myself;
  }

  /**
   * Verifies the message was delivered to the address (case-insensitive).
   *
   * @throws IllegalArgumentException when {@code address} is null
   */
  public ReceivedMessageAssert hasRecipient(String address) {
    Expected.notNull(address, "address");
    isNotNull();
    if (actual.recipients().stream().noneMatch(address::equalsIgnoreCase)) {
      throwAssertionError(shouldHaveReceived(actual, "to have been delivered to", address));
    }
    return myself;
  }

  /**
   * Verifies the body contains the text.
   *
   * @throws IllegalArgumentException when {@code text} is null
   */
  public ReceivedMessageAssert hasBodyContaining(String text) {
    Expected.notNull(text, "text");
    isNotNull();
    if (!actual.body().contains(text)) {
      throwAssertionError(shouldHaveReceived(actual, "to have a body containing", text));
    }
    return myself;
  }

  /**
   * Verifies a header field has the value (name case-insensitive, value decoded).
   *
   * @throws IllegalArgumentException when {@code name} or {@code value} is null
   */
  public ReceivedMessageAssert hasHeader(String name, String value) {
    Expected.notNull(name, "header name");
    Expected.notNull(value, "header value");
    isNotNull();
    if (!actual.header(name).filter(value::equals).isPresent()) {
      failWithDiff(
          actual.header(name).map(v -> name + ": " + v).orElse("no " + name + " header"),
          name + ": " + value,
          shouldHaveReceived(actual, "to have header", name + ": " + value));
    }
    return myself;
  }
}
