package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldBeInReplyClass.shouldBeInReplyClass;
import static org.smtpunit.assertions.error.ShouldHaveArrivedWithin.shouldHaveArrivedWithin;
import static org.smtpunit.assertions.error.ShouldHaveEnhancedStatus.shouldHaveEnhancedStatus;
import static org.smtpunit.assertions.error.ShouldHaveReplyCode.shouldHaveReplyCode;
import static org.smtpunit.assertions.error.ShouldHaveReplyText.shouldHaveReplyText;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;
import org.smtpunit.EnhancedStatus;
import org.smtpunit.SmtpReply;

/**
 * Assertions shared by every kind of SMTP reply: its class, code, enhanced status and text. Each
 * failure shows the reply as on the wire and the last lines of the session's transcript.
 *
 * <pre>{@code
 * assertThat(smtp.mailFrom("chris@contoso.com")).isSuccess().hasEnhancedStatus("2.1.0");
 * }</pre>
 *
 * @param <SELF> the assertion type, for chaining
 * @param <ACTUAL> the reply type
 */
public abstract class AbstractSmtpReplyAssert<
        SELF extends AbstractSmtpReplyAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {

  /** Creates the assertion. */
  protected AbstractSmtpReplyAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** Returns the reply behind the actual value. */
  protected abstract SmtpReply reply();

  /** Verifies the reply is 2xx or 3xx, the walkthrough's success (354 after DATA counts). */
  public SELF isSuccess() {
    return inClass(SmtpReply::isSuccess, "a success (2xx or 3xx)");
  }

  /** Verifies the reply is 2xx. */
  public SELF isPositiveCompletion() {
    return inClass(SmtpReply::isPositiveCompletion, "a positive completion (2xx)");
  }

  /** Verifies the reply is 3xx. */
  public SELF isPositiveIntermediate() {
    return inClass(SmtpReply::isPositiveIntermediate, "a positive intermediate reply (3xx)");
  }

  /** Verifies the reply is 4xx or 5xx. */
  public SELF isNegative() {
    return inClass(
        r -> r.isTransientNegative() || r.isPermanentNegative(), "negative (4xx or 5xx)");
  }

  /** Verifies the reply is 4xx. */
  public SELF isTransientNegative() {
    return inClass(SmtpReply::isTransientNegative, "a transient negative reply (4xx)");
  }

  /** Verifies the reply is 5xx. */
  public SELF isPermanentNegative() {
    return inClass(SmtpReply::isPermanentNegative, "a permanent negative reply (5xx)");
  }

  /** Verifies the reply code, reporting actual and expected codes so IDEs show a diff. */
  public SELF hasCode(int expected) {
    isNotNull();
    SmtpReply reply = reply();
    if (reply.code() != expected) {
      throw failureWithActualExpected(
          reply.code(), expected, escape(shouldHaveReplyCode(reply, expected)));
    }
    return myself;
  }

  /**
   * Verifies the RFC 3463 enhanced status code, such as {@code "2.1.0"}; fails also when the server
   * sent none.
   *
   * @throws IllegalArgumentException when {@code expected} is not {@code x.y.z}
   */
  public SELF hasEnhancedStatus(String expected) {
    EnhancedStatus wanted = EnhancedStatus.parse(expected);
    isNotNull();
    SmtpReply reply = reply();
    if (!reply.enhancedStatus().filter(wanted::equals).isPresent()) {
      throw failureWithActualExpected(
          reply.enhancedStatus().map(Object::toString).orElse("none"),
          expected,
          escape(shouldHaveEnhancedStatus(reply, expected)));
    }
    return myself;
  }

  /** Verifies the reply's text (all lines) contains the given text. */
  public SELF hasTextContaining(String expected) {
    Objects.requireNonNull(expected, "expected");
    isNotNull();
    if (!reply().text().contains(expected)) {
      throwAssertionError(shouldHaveReplyText(reply(), "containing", expected));
    }
    return myself;
  }

  /** Verifies the reply's text (all lines joined with a newline) matches the regular expression. */
  public SELF hasTextMatching(String regex) {
    Pattern pattern = Pattern.compile(regex);
    isNotNull();
    if (!pattern.matcher(reply().text()).matches()) {
      throwAssertionError(shouldHaveReplyText(reply(), "matching", regex));
    }
    return myself;
  }

  /**
   * Verifies the reply took at most {@code limit}, from the command's last byte (the connection,
   * for the greeting) to the reply's last byte: {@code
   * assertThat(smtp.greeting()).arrivedWithin(Duration.ofSeconds(2))}.
   *
   * @throws IllegalArgumentException when the limit is negative
   */
  public SELF arrivedWithin(Duration limit) {
    Objects.requireNonNull(limit, "limit");
    if (limit.isNegative()) {
      throw new IllegalArgumentException("limit must not be negative, was [" + limit + "]");
    }
    isNotNull();
    if (reply().elapsed().compareTo(limit) > 0) {
      throwAssertionError(shouldHaveArrivedWithin(reply(), limit));
    }
    return myself;
  }

  private SELF inClass(Predicate<SmtpReply> test, String description) {
    isNotNull();
    if (!test.test(reply())) {
      throwAssertionError(shouldBeInReplyClass(reply(), description));
    }
    return myself;
  }

  /** Renders a factory's message as a format string with no arguments left to fill. */
  String escape(ErrorMessageFactory factory) {
    return factory.create(info.description(), info.representation()).replace("%", "%%");
  }
}
