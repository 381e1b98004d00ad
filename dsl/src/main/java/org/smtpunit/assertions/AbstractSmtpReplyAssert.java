package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldBeInReplyClass.shouldBeInReplyClass;
import static org.smtpunit.assertions.error.ShouldHaveArrivedWithin.shouldHaveArrivedWithin;
import static org.smtpunit.assertions.error.ShouldHaveEnhancedStatus.shouldHaveAnEnhancedStatus;
import static org.smtpunit.assertions.error.ShouldHaveEnhancedStatus.shouldHaveEnhancedStatus;
import static org.smtpunit.assertions.error.ShouldHaveEnhancedStatusStartingWith.shouldHaveEnhancedStatusStartingWith;
import static org.smtpunit.assertions.error.ShouldHaveReplyCode.shouldHaveReplyCode;
import static org.smtpunit.assertions.error.ShouldHaveReplyCodeIn.shouldHaveReplyCodeIn;
import static org.smtpunit.assertions.error.ShouldHaveReplyText.shouldHaveReplyText;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.InstanceOfAssertFactory;
import org.assertj.core.api.ListAssert;
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
    extends AbstractSmtpUnitAssert<SELF, ACTUAL> {

  private static final InstanceOfAssertFactory<EnhancedStatus, EnhancedStatusAssert>
      ENHANCED_STATUS =
          new InstanceOfAssertFactory<>(EnhancedStatus.class, EnhancedStatusAssert::new);

  /** Creates the assertion. */
  protected AbstractSmtpReplyAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** Returns the reply behind the actual value. */
  protected abstract SmtpReply reply();

  /** Verifies the reply is 2xx or 3xx, the walkthrough's success (354 after DATA counts). */
  public SELF isSuccess() {
    return inClass(SmtpReply::isSuccess, "a success (2xx or 3xx)", "2xx or 3xx");
  }

  /** Verifies the reply is 2xx. */
  public SELF isPositiveCompletion() {
    return inClass(SmtpReply::isPositiveCompletion, "a positive completion (2xx)", "2xx");
  }

  /** Verifies the reply is 3xx. */
  public SELF isPositiveIntermediate() {
    return inClass(SmtpReply::isPositiveIntermediate, "a positive intermediate reply (3xx)", "3xx");
  }

  /** Verifies the reply is 4xx or 5xx. */
  public SELF isNegative() {
    return inClass(
        r -> r.isTransientNegative() || r.isPermanentNegative(),
        "negative (4xx or 5xx)",
        "4xx or 5xx");
  }

  /** Verifies the reply is 4xx. */
  public SELF isTransientNegative() {
    return inClass(SmtpReply::isTransientNegative, "a transient negative reply (4xx)", "4xx");
  }

  /** Verifies the reply is 5xx. */
  public SELF isPermanentNegative() {
    return inClass(SmtpReply::isPermanentNegative, "a permanent negative reply (5xx)", "5xx");
  }

  /** Verifies the reply code, reporting actual and expected codes so IDEs show a diff. */
  public SELF hasCode(int expected) {
    isNotNull();
    SmtpReply reply = reply();
    if (reply.code() != expected) {
      failWithDiff(reply.code(), expected, shouldHaveReplyCode(reply, expected));
    }
    return myself;
  }

  /**
   * Verifies the reply code is one of the given codes, for servers that answer the same request
   * differently and are still right (a malformed sender: {@code 501} or {@code 553}).
   *
   * <pre>{@code
   * assertThat(smtp.mailFrom("chris@@contoso.com")).hasCodeIn(501, 553);
   * }</pre>
   *
   * @throws IllegalArgumentException when no code is given
   */
  public SELF hasCodeIn(int... expected) {
    if (expected == null || expected.length == 0) {
      throw new IllegalArgumentException("hasCodeIn needs at least one expected code");
    }
    isNotNull();
    SmtpReply reply = reply();
    if (IntStream.of(expected).noneMatch(code -> code == reply.code())) {
      throwAssertionError(shouldHaveReplyCodeIn(reply, expected));
    }
    return myself;
  }

  /**
   * Verifies the RFC 3463 enhanced status starts with the given class, or class and subject, part
   * by part: {@code "5.1"} passes for {@code 5.1.1} and {@code 5.1.10} (an address problem,
   * whatever the detail) but not for {@code 5.10.0}; {@code "5"} checks the class only; a full
   * {@code "5.1.1"} is an exact match. Fails also when the server sent no enhanced status.
   *
   * <pre>{@code
   * assertThat(smtp.rcptTo("nobody@fabrikam.com")).isPermanentNegative()
   *     .hasEnhancedStatusStartingWith("5.1");
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code prefix} is null or not {@code x}, {@code x.y} or
   *     {@code x.y.z} with x 2, 4 or 5 and y, z of 1 to 3 digits
   */
  public SELF hasEnhancedStatusStartingWith(String prefix) {
    StatusPrefix wanted = StatusPrefix.parse(prefix);
    isNotNull();
    SmtpReply reply = reply();
    if (reply.enhancedStatus().filter(wanted::matches).isEmpty()) {
      throwAssertionError(shouldHaveEnhancedStatusStartingWith(reply, prefix));
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
      failWithDiff(
          reply.enhancedStatus().map(Object::toString).orElse("none"),
          expected,
          shouldHaveEnhancedStatus(reply, expected));
    }
    return myself;
  }

  /**
   * Verifies the reply's text (all lines) contains the given text.
   *
   * @throws IllegalArgumentException when {@code expected} is null
   */
  public SELF hasTextContaining(String expected) {
    Expected.notNull(expected, "text");
    isNotNull();
    if (!reply().text().contains(expected)) {
      throwAssertionError(shouldHaveReplyText(reply(), "containing", expected));
    }
    return myself;
  }

  /**
   * Verifies the reply's text (all lines joined with a newline) matches the regular expression.
   *
   * @throws IllegalArgumentException when {@code regex} is null
   */
  public SELF hasTextMatching(String regex) {
    Pattern pattern = Pattern.compile(Expected.notNull(regex, "regular expression"));
    isNotNull();
    if (!pattern.matcher(reply().text()).matches()) {
      throwAssertionError(shouldHaveReplyText(reply(), "matching", regex));
    }
    return myself;
  }

  /**
   * Verifies the reply took at most {@code limit}, from the command's last byte (the connection,
   * for the greeting) to the reply's last byte.
   *
   * <pre>{@code
   * assertThat(smtp.greeting()).arrivedWithin(Duration.ofSeconds(2));
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code limit} is null or negative
   */
  public SELF arrivedWithin(Duration limit) {
    Expected.notNull(limit, "limit");
    if (limit.isNegative()) {
      throw new IllegalArgumentException("limit must not be negative, was [" + limit + "]");
    }
    isNotNull();
    if (reply().elapsed().compareTo(limit) > 0) {
      throwAssertionError(shouldHaveArrivedWithin(reply(), limit));
    }
    return myself;
  }

  /**
   * Navigates to the reply's text, all lines joined with {@code \n}, for AssertJ's string
   * assertions.
   *
   * <pre>{@code
   * assertThat(reply).text().containsIgnoringCase("queued");
   * }</pre>
   */
  @CheckReturnValue
  public AbstractStringAssert<?> text() {
    return navigate("reply text", a -> reply().text(), InstanceOfAssertFactories.STRING);
  }

  /**
   * Navigates to the reply's lines (without code and separator), for AssertJ's list assertions.
   *
   * <pre>{@code
   * assertThat(ehlo).lines().contains("PIPELINING");
   * }</pre>
   */
  @CheckReturnValue
  public ListAssert<String> lines() {
    return navigate(
        "reply lines", a -> reply().lines(), InstanceOfAssertFactories.list(String.class));
  }

  /**
   * Navigates to the reply's RFC 3463 enhanced status; fails when the reply has none.
   *
   * <pre>{@code
   * assertThat(reply).enhancedStatus().hasStatusClass(5).hasSubject(1);
   * }</pre>
   */
  @CheckReturnValue
  public EnhancedStatusAssert enhancedStatus() {
    isNotNull();
    if (reply().enhancedStatus().isEmpty()) {
      throwAssertionError(shouldHaveAnEnhancedStatus(reply()));
    }
    return navigate(
        "enhanced status", a -> reply().enhancedStatus().orElseThrow(), ENHANCED_STATUS);
  }

  private SELF inClass(Predicate<SmtpReply> test, String description, String codes) {
    isNotNull();
    SmtpReply reply = reply();
    if (!test.test(reply)) {
      failWithDiff(reply.code() / 100 + "xx", codes, shouldBeInReplyClass(reply, description));
    }
    return myself;
  }
}
