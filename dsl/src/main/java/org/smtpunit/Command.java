package org.smtpunit;

/**
 * One validated command line, ready for the wire, and what sending it does to the mail transaction:
 * MAIL starts one (asking for SMTPUTF8 or not), RSET ends it, the rest leave it.
 *
 * @param stage the conversation step, for messages
 * @param line the line to send, without CRLF
 * @param shownAs the line as the transcript records it (credentials hidden)
 * @param smtpUtf8 for MAIL, whether it asks for SMTPUTF8 (RFC 6531)
 */
record Command(SmtpStage stage, String line, String shownAs, boolean smtpUtf8) {

  /** A command the transcript shows as sent and that asks for nothing. */
  static Command of(SmtpStage stage, String line) {
    return new Command(stage, line, line, false);
  }

  /** Returns whether the transaction is SMTPUTF8 once this command is sent. */
  boolean utf8After(boolean utf8Before) {
    // Compared rather than switched on: a switch over the enum loads a synthetic lookup class
    // during the first MAIL of a cold JVM.
    if (stage == SmtpStage.MAIL) {
      return smtpUtf8;
    }
    return stage != SmtpStage.RSET && utf8Before;
  }
}
