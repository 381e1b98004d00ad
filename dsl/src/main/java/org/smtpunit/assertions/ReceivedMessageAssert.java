package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldHaveReceived.shouldHaveReceived;

import java.util.List;
import java.util.Locale;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.ListAssert;
import org.smtpunit.AuthenticationResult;
import org.smtpunit.ReceivedHop;
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
   * Verifies the From header (the author the message states) contains the address
   * (case-insensitive). This is not the envelope sender: use {@link #hasSender(String)} for that.
   *
   * @throws IllegalArgumentException when {@code address} is null
   */
  public ReceivedMessageAssert isFrom(String address) {
    Expected.notNull(address, "address");
    isNotNull();
    if (!actual.from().toLowerCase(Locale.ROOT).contains(address.toLowerCase(Locale.ROOT))) {
      String from =
          actual.header("From").map(f -> "its From header is " + f).orElse("it has no From header");
      throwAssertionError(
          shouldHaveReceived(
              actual,
              "to have a From header containing",
              address,
              from
                  + " (the envelope sender, Return-Path, is "
                  + actual.sender().map(s -> "<" + s + ">").orElse("unknown")
                  + "; hasSender checks that)"));
    }
    return myself;
  }

  /**
   * Verifies the envelope sender (SMTP {@code MAIL FROM}, as recorded in Return-Path),
   * case-insensitive, angle brackets optional; {@code ""} or {@code "<>"} is the null sender of a
   * bounce or DSN.
   *
   * @throws IllegalArgumentException when {@code address} is null
   */
  public ReceivedMessageAssert hasSender(String address) {
    Expected.notNull(address, "sender");
    isNotNull();
    String wanted = address.trim();
    if (wanted.startsWith("<") && wanted.endsWith(">")) {
      wanted = wanted.substring(1, wanted.length() - 1).trim();
    }
    if (actual.sender().filter(wanted::equalsIgnoreCase).isEmpty()) {
      String found = actual.sender().map(s -> "<" + s + ">").orElse("none");
      failWithDiff(
          found,
          "<" + wanted + ">",
          shouldHaveReceived(
              actual,
              "to have envelope sender (Return-Path)",
              "<" + wanted + ">",
              actual
                  .sender()
                  .map(s -> "its envelope sender is <" + s + ">")
                  .orElse("it has no Return-Path")));
    }
    return myself;
  }

  /**
   * Verifies an {@code Authentication-Results} field (RFC 8601) reports the method with the result,
   * both case-insensitive, e.g. {@code hasAuthenticationResult("spf", "pass")}.
   *
   * @throws IllegalArgumentException when {@code method} or {@code result} is null
   */
  public ReceivedMessageAssert hasAuthenticationResult(String method, String result) {
    Expected.notNull(method, "method");
    Expected.notNull(result, "result");
    isNotNull();
    List<AuthenticationResult> results = actual.authenticationResults();
    boolean found =
        results.stream()
            .anyMatch(
                r -> r.method().equalsIgnoreCase(method) && r.result().equalsIgnoreCase(result));
    if (!found) {
      throwAssertionError(
          shouldHaveReceived(
              actual,
              "to have authentication result",
              method + "=" + result,
              results.isEmpty()
                  ? "it has no Authentication-Results"
                  : "its results are "
                      + results.stream().map(r -> r.method() + "=" + r.result()).toList()));
    }
    return myself;
  }

  /**
   * Navigates to the {@code Received:} chain, newest hop first, for AssertJ's list assertions.
   *
   * <pre>{@code
   * assertThat(message).receivedHops().first().returns(Optional.of("mail1.fabrikam.com"), ReceivedHop::by);
   * }</pre>
   */
  @CheckReturnValue
  public ListAssert<ReceivedHop> receivedHops() {
    return navigate(
        "Received hops",
        ReceivedMessage::receivedHops,
        InstanceOfAssertFactories.list(ReceivedHop.class));
  }

  /** Navigates to the RFC 8601 authentication results, for AssertJ's list assertions. */
  @CheckReturnValue
  public ListAssert<AuthenticationResult> authenticationResults() {
    return navigate(
        "authentication results",
        ReceivedMessage::authenticationResults,
        InstanceOfAssertFactories.list(AuthenticationResult.class));
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
