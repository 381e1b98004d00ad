package org.smtpunit.checks;

import org.smtpunit.SmtpException;
import org.smtpunit.SmtpSession;

/** How every probe ends its conversation once it has its answer, and words for one that broke. */
final class ProbeEndings {

  private ProbeEndings() {}

  /** RSET and QUIT, ignoring a server that hangs up meanwhile (the check has its answer). */
  static void politeEnd(SmtpSession smtp) {
    try {
      if (smtp.isOpen()) {
        smtp.rset();
      }
      if (smtp.isOpen()) {
        smtp.quit();
      }
    } catch (SmtpException e) {
      // The outcome is already known; a server that drops the connection now does not change it.
    }
  }

  /** QUIT, ignoring a server that hangs up meanwhile. */
  static void quit(SmtpSession smtp) {
    try {
      if (smtp.isOpen()) {
        smtp.quit();
      }
    } catch (SmtpException e) {
      // The outcome is already known.
    }
  }

  static String broke(SmtpException e) {
    // The exception's message may end with the transcript, which the result carries already.
    String message = String.valueOf(e.getMessage());
    int transcript = message.indexOf("\nTranscript:");
    return "the conversation broke at "
        + e.stage()
        + " before the check could decide: "
        + (transcript < 0 ? message : message.substring(0, transcript));
  }
}
