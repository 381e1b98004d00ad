package org.smtpunit.assertions;

import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.InstanceOfAssertFactory;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * The base of SmtpUnit's assertions: everything AssertJ offers on an object ({@code extracting},
 * {@code returns}, {@code satisfies}...), failures that carry actual and expected values so that
 * IDEs show a diff, and navigation to assertions on a part of the value that soft assertions
 * follow.
 *
 * <pre>{@code
 * assertThat(reply).returns(550, SmtpReply::code).extracting(SmtpReply::text).asString()
 *     .contains("unknown");
 * }</pre>
 *
 * @param <SELF> the assertion type, for chaining
 * @param <ACTUAL> the type of the value under test
 */
public abstract class AbstractSmtpUnitAssert<
        SELF extends AbstractSmtpUnitAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractObjectAssert<SELF, ACTUAL> {

  /**
   * Creates the assertion.
   *
   * @param actual the value under test
   * @param selfType the concrete assertion class
   */
  protected AbstractSmtpUnitAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * Fails with the factory's message as an opentest4j {@code AssertionFailedError} carrying the two
   * values, so that IDEs offer a diff of an exact comparison.
   *
   * @param actualValue the value found
   * @param expectedValue the value the assertion expected
   * @param message the failure message
   */
  protected final void failWithDiff(
      Object actualValue, Object expectedValue, ErrorMessageFactory message) {
    // An empty description here: failureWithActualExpected adds the assertion's own description.
    String text = message.create(new TextDescription(""), info.representation());
    throw failureWithActualExpected(actualValue, expectedValue, "%s", text);
  }

  /**
   * Returns an assertion on a part of the value, described by {@code part} (after the assertion's
   * own description, if it has one). It goes through {@link #extracting(Function,
   * InstanceOfAssertFactory)} so that, under {@link SmtpSoftAssertions}, the new assertion is soft
   * too.
   *
   * @param part what the part is, e.g. {@code "reply text"}
   * @param extractor reads the part from the value under test
   * @param factory creates the assertion on the part
   * @param <T> the type of the part
   * @param <A> the type of the assertion on it
   * @return the assertion on the part
   */
  protected final <T, A extends AbstractAssert<?, ?>> A navigate(
      String part, Function<? super ACTUAL, T> extractor, InstanceOfAssertFactory<?, A> factory) {
    String own = info.descriptionText();
    A navigated = extracting(extractor, factory);
    navigated.getWritableAssertionInfo().description(own.isEmpty() ? part : own + ": " + part);
    return navigated;
  }
}
