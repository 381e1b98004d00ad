package org.smtpunit;

import java.util.Objects;
import java.util.Optional;
import org.smtpunit.internal.Wire;

/**
 * An ESMTP parameter of {@code MAIL FROM} (RFC 5321 §4.1.2), such as {@code SIZE=1024} or {@code
 * BODY=8BITMIME}.
 *
 * <pre>{@code
 * smtp.mailFrom("chris@contoso.com", MailParameter.size(2048), MailParameter.ret(Ret.HDRS));
 * // MAIL FROM:<chris@contoso.com> SIZE=2048 RET=HDRS
 * }</pre>
 *
 * @param keyword the parameter keyword
 * @param value the value after {@code =}, empty for a bare keyword
 */
public record MailParameter(String keyword, Optional<String> value) {

  /**
   * Validates the parameter.
   *
   * @throws IllegalArgumentException for an invalid keyword or a value outside esmtp-value
   */
  public MailParameter {
    keyword = EsmtpParameters.keyword(keyword);
    value = EsmtpParameters.value(keyword, Objects.requireNonNull(value, "value"));
  }

  /** {@code SIZE=n} (RFC 1870), the declared message size in octets. */
  public static MailParameter size(long octets) {
    if (octets < 0) {
      throw new IllegalArgumentException("SIZE must not be negative, was [" + octets + "]");
    }
    return new MailParameter("SIZE", Optional.of(Long.toString(octets)));
  }

  /** {@code BODY=8BITMIME} (RFC 6152). */
  public static MailParameter body8BitMime() {
    return new MailParameter("BODY", Optional.of("8BITMIME"));
  }

  /** {@code SMTPUTF8} (RFC 6531); also allows non-ASCII addresses in this transaction. */
  public static MailParameter smtpUtf8() {
    return new MailParameter("SMTPUTF8", Optional.empty());
  }

  /** {@code RET=FULL} or {@code RET=HDRS} (RFC 3461). */
  public static MailParameter ret(Ret ret) {
    return new MailParameter("RET", Optional.of(Objects.requireNonNull(ret, "ret").name()));
  }

  /** {@code ENVID=...} (RFC 3461), xtext-encoded. */
  public static MailParameter envId(String envelopeId) {
    Wire.requireSafe("ENVID", envelopeId);
    return new MailParameter("ENVID", Optional.of(Xtext.encode(envelopeId)));
  }

  /** Any parameter, sent as {@code keyword=value}. */
  public static MailParameter of(String keyword, String value) {
    return new MailParameter(keyword, Optional.of(value));
  }

  /** Any parameter without a value, sent as {@code keyword}. */
  public static MailParameter of(String keyword) {
    return new MailParameter(keyword, Optional.empty());
  }

  /** Returns the parameter as sent, e.g. {@code SIZE=1024}. */
  @Override
  public String toString() {
    return EsmtpParameters.render(keyword, value);
  }
}
