package org.smtpunit.assertions;

import org.assertj.core.annotation.CheckReturnValue;
import org.smtpunit.checks.StartTlsCheck;

/**
 * Assertions on a STARTTLS policy check; get one from {@link
 * SmtpAssertions#assertThat(StartTlsCheck)}.
 *
 * <pre>{@code
 * assertThat(checks.startTls()).isRequired().isOffered();
 * }</pre>
 */
public class StartTlsCheckAssert extends AbstractCheckAssert<StartTlsCheckAssert, StartTlsCheck> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public StartTlsCheckAssert(StartTlsCheck actual) {
    super(actual, StartTlsCheckAssert.class);
  }

  /** Verifies the plain-text EHLO offered STARTTLS. */
  public StartTlsCheckAssert isOffered() {
    return passes(actual != null && actual.offered(), "to offer STARTTLS");
  }

  /** Verifies the server refuses MAIL before STARTTLS (a submission or internal server). */
  public StartTlsCheckAssert isRequired() {
    return passes(
        actual != null && actual.requiredBeforeMail(), "to require STARTTLS before MAIL FROM");
  }

  /** Verifies the server offers no AUTH before STARTTLS. */
  public StartTlsCheckAssert isRequiredBeforeAuth() {
    return passes(
        actual != null && actual.requiredBeforeAuth(), "to offer AUTH only after STARTTLS");
  }

  /** Verifies the TLS handshake after STARTTLS succeeded. */
  public StartTlsCheckAssert hasTls() {
    return passes(
        actual != null && actual.tls().isPresent(), "to complete the TLS handshake after STARTTLS");
  }

  /** Navigates to what TLS negotiated; fails when the handshake did not happen. */
  @CheckReturnValue
  public TlsInfoAssert tls() {
    hasTls();
    return navigate("TLS", c -> c.tls().orElseThrow(), SmtpInstanceOfAssertFactories.TLS_INFO);
  }
}
