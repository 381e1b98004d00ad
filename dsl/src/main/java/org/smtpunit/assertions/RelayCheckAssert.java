package org.smtpunit.assertions;

import org.assertj.core.annotation.CheckReturnValue;
import org.smtpunit.checks.RelayCheck;

/**
 * Assertions on an open-relay check; get one from {@link SmtpAssertions#assertThat(RelayCheck)}.
 *
 * <pre>{@code
 * assertThat(checks.openRelay("chris@contoso.com", "someone@northwindtraders.com")).isRefused();
 * }</pre>
 */
public class RelayCheckAssert extends AbstractCheckAssert<RelayCheckAssert, RelayCheck> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public RelayCheckAssert(RelayCheck actual) {
    super(actual, RelayCheckAssert.class);
  }

  /** Verifies the server refused to relay; fails when the check was inconclusive. */
  public RelayCheckAssert isRefused() {
    isNotNull();
    return passes(
        actual.refused(),
        "to refuse relaying from <" + actual.sender() + "> to <" + actual.recipient() + ">");
  }

  /** Navigates to the reply to RCPT TO; fails when RCPT was not sent. */
  @CheckReturnValue
  public SmtpReplyAssert rcptReply() {
    isNotNull();
    if (actual.rcptReply().isEmpty()) {
      failsCheck("to have answered RCPT TO");
    }
    return navigate(
        "RCPT reply", c -> c.rcptReply().orElseThrow(), SmtpInstanceOfAssertFactories.SMTP_REPLY);
  }

  /** Navigates to the transcript of the check's conversation. */
  @CheckReturnValue
  public TranscriptAssert transcript() {
    isNotNull();
    return navigate("transcript", RelayCheck::transcript, SmtpInstanceOfAssertFactories.TRANSCRIPT);
  }
}
