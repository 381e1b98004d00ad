package org.smtpunit.assertions;

import org.smtpunit.SmtpReply;

/**
 * Assertions on one {@link SmtpReply}; get one from {@link SmtpAssertions#assertThat(SmtpReply)}.
 *
 * <pre>{@code
 * assertThat(smtp.rcptTo("nobody@fabrikam.com")).hasCode(550).hasEnhancedStatus("5.1.1");
 * }</pre>
 */
public class SmtpReplyAssert extends AbstractSmtpReplyAssert<SmtpReplyAssert, SmtpReply> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public SmtpReplyAssert(SmtpReply actual) {
    super(actual, SmtpReplyAssert.class);
  }

  @Override
  protected SmtpReply reply() {
    return actual;
  }
}
