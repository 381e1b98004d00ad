package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldHaveMaxSizeAtLeast.shouldHaveMaxSizeAtLeast;
import static org.smtpunit.assertions.error.ShouldSupportAuthMechanism.shouldSupportAuthMechanism;
import static org.smtpunit.assertions.error.ShouldSupportExtension.shouldSupportExtension;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.ListAssert;
import org.smtpunit.EhloReply;
import org.smtpunit.SmtpReply;

/**
 * Assertions on the EHLO reply and the capabilities it advertises; get one from {@link
 * SmtpAssertions#assertThat(EhloReply)}.
 *
 * <pre>{@code
 * assertThat(smtp.ehlo("contoso.com"))
 *     .hasCode(250)
 *     .supports("STARTTLS")
 *     .supportsAuthMechanism("LOGIN")
 *     .hasMaxSizeAtLeast(10_000_000);
 * }</pre>
 */
public class EhloReplyAssert extends AbstractSmtpReplyAssert<EhloReplyAssert, EhloReply> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public EhloReplyAssert(EhloReply actual) {
    super(actual, EhloReplyAssert.class);
  }

  @Override
  protected SmtpReply reply() {
    return actual.reply();
  }

  /**
   * Navigates to the advertised ESMTP keywords, upper case, in the server's order (the first line,
   * the server's name, is not one), for AssertJ's list assertions.
   *
   * <pre>{@code
   * assertThat(ehlo).extensions().contains("PIPELINING", "8BITMIME").doesNotContain("CHUNKING");
   * }</pre>
   */
  @CheckReturnValue
  public ListAssert<String> extensions() {
    return navigate(
        "EHLO extensions",
        e -> List.copyOf(e.keywords()),
        InstanceOfAssertFactories.list(String.class));
  }

  /**
   * Navigates to the SASL mechanisms the AUTH keyword advertises, upper case, for AssertJ's list
   * assertions; empty when there is no AUTH.
   *
   * <pre>{@code
   * assertThat(ehlo).authMechanisms().containsExactlyInAnyOrder("PLAIN", "LOGIN");
   * }</pre>
   */
  @CheckReturnValue
  public ListAssert<String> authMechanisms() {
    return navigate(
        "AUTH mechanisms",
        e -> List.copyOf(e.authMechanisms()),
        InstanceOfAssertFactories.list(String.class));
  }

  /**
   * Verifies the server advertises the ESMTP keyword (case-insensitive), e.g. {@code DSN}.
   *
   * @throws IllegalArgumentException when {@code keyword} is null
   */
  public EhloReplyAssert supports(String keyword) {
    Expected.notNull(keyword, "keyword");
    isNotNull();
    if (!actual.supports(keyword)) {
      throwAssertionError(shouldSupportExtension(reply(), keyword, true));
    }
    return myself;
  }

  /**
   * Verifies the server does not advertise the ESMTP keyword (case-insensitive).
   *
   * @throws IllegalArgumentException when {@code keyword} is null
   */
  public EhloReplyAssert doesNotSupport(String keyword) {
    Expected.notNull(keyword, "keyword");
    isNotNull();
    if (actual.supports(keyword)) {
      throwAssertionError(shouldSupportExtension(reply(), keyword, false));
    }
    return myself;
  }

  /**
   * Verifies AUTH advertises the SASL mechanism (case-insensitive), e.g. {@code LOGIN}.
   *
   * @throws IllegalArgumentException when {@code mechanism} is null
   */
  public EhloReplyAssert supportsAuthMechanism(String mechanism) {
    Expected.notNull(mechanism, "mechanism");
    isNotNull();
    if (!actual.authMechanisms().contains(mechanism.toUpperCase(Locale.ROOT))) {
      throwAssertionError(shouldSupportAuthMechanism(reply(), mechanism, actual.authMechanisms()));
    }
    return myself;
  }

  /** Verifies SIZE advertises at least this many octets (a SIZE of 0, no limit, passes). */
  public EhloReplyAssert hasMaxSizeAtLeast(long octets) {
    isNotNull();
    OptionalLong size = actual.maxSize();
    boolean unlimited = actual.supports("SIZE") && size.isEmpty();
    if (!unlimited && (size.isEmpty() || size.getAsLong() < octets)) {
      String advertised =
          size.isPresent() ? "it advertises SIZE " + size.getAsLong() : "it advertises no SIZE";
      throwAssertionError(shouldHaveMaxSizeAtLeast(reply(), octets, advertised));
    }
    return myself;
  }
}
