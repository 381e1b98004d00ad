package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldHaveMaxSizeAtLeast.shouldHaveMaxSizeAtLeast;
import static org.smtpunit.assertions.error.ShouldSupportAuthMechanism.shouldSupportAuthMechanism;
import static org.smtpunit.assertions.error.ShouldSupportExtension.shouldSupportExtension;

import java.util.Locale;
import java.util.OptionalLong;
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

  /** Verifies the server advertises the ESMTP keyword (case-insensitive), e.g. {@code DSN}. */
  public EhloReplyAssert supports(String keyword) {
    isNotNull();
    if (!actual.supports(keyword)) {
      throwAssertionError(shouldSupportExtension(reply(), keyword, true));
    }
    return myself;
  }

  /** Verifies the server does not advertise the ESMTP keyword (case-insensitive). */
  public EhloReplyAssert doesNotSupport(String keyword) {
    isNotNull();
    if (actual.supports(keyword)) {
      throwAssertionError(shouldSupportExtension(reply(), keyword, false));
    }
    return myself;
  }

  /** Verifies AUTH advertises the SASL mechanism (case-insensitive), e.g. {@code LOGIN}. */
  public EhloReplyAssert supportsAuthMechanism(String mechanism) {
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
