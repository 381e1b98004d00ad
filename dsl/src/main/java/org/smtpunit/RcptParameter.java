package org.smtpunit;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.smtpunit.internal.Wire;

/**
 * An ESMTP parameter of {@code RCPT TO} (RFC 5321 §4.1.2), such as the walkthrough's {@code
 * NOTIFY=SUCCESS,FAILURE}.
 *
 * <pre>{@code
 * smtp.rcptTo("kate@fabrikam.com", RcptParameter.notify(Notify.SUCCESS, Notify.FAILURE));
 * // RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE
 * }</pre>
 *
 * @param keyword the parameter keyword
 * @param value the value after {@code =}, empty for a bare keyword
 */
public record RcptParameter(String keyword, Optional<String> value) {

  /**
   * Validates the parameter.
   *
   * @throws IllegalArgumentException for an invalid keyword or a value outside esmtp-value
   */
  public RcptParameter {
    keyword = EsmtpParameters.keyword(keyword);
    value = EsmtpParameters.value(keyword, Objects.requireNonNull(value, "value"));
  }

  /**
   * {@code NOTIFY=...} (RFC 3461 §4.1), values in the order SUCCESS, FAILURE, DELAY.
   *
   * @throws IllegalArgumentException when empty, or when NEVER is combined with another value
   */
  public static RcptParameter notify(Notify... notify) {
    Set<Notify> values = EnumSet.noneOf(Notify.class);
    for (Notify n : notify) {
      values.add(Objects.requireNonNull(n, "notify"));
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("NOTIFY needs at least one value");
    }
    if (values.contains(Notify.NEVER) && values.size() > 1) {
      throw new IllegalArgumentException(
          "NOTIFY=NEVER must stand alone (RFC 3461 §4.1), was " + values);
    }
    return new RcptParameter(
        "NOTIFY", Optional.of(values.stream().map(Notify::name).collect(Collectors.joining(","))));
  }

  /** {@code ORCPT=rfc822;address} (RFC 3461 §4.2), xtext-encoded. */
  public static RcptParameter orcpt(String originalRecipient) {
    Wire.requireSafe("ORCPT", originalRecipient);
    return new RcptParameter("ORCPT", Optional.of("rfc822;" + Xtext.encode(originalRecipient)));
  }

  /** Any parameter, sent as {@code keyword=value}. */
  public static RcptParameter of(String keyword, String value) {
    return new RcptParameter(keyword, Optional.of(value));
  }

  /** Any parameter without a value, sent as {@code keyword}. */
  public static RcptParameter of(String keyword) {
    return new RcptParameter(keyword, Optional.empty());
  }

  /** Returns the parameter as sent, e.g. {@code NOTIFY=SUCCESS,FAILURE}. */
  @Override
  public String toString() {
    return EsmtpParameters.render(keyword, value);
  }
}
