package org.smtpunit;

import java.util.List;

/**
 * Message content written exactly as given, for the SMTP smuggling probes of {@code
 * org.smtpunit.checks} (through {@code SmtpSession.rawContent}): no CRLF conversion, no
 * dot-stuffing, no end-of-data added, and the transcript shows the lines the probe names instead of
 * the bytes. A session that sends no probe never loads it.
 */
final class VerbatimContent {

  private VerbatimContent() {}

  /**
   * Writes the bytes and reads one reply, within the reply timeout from the call; ends the mail.
   */
  static SmtpReply send(Conversation conversation, byte[] bytes, List<String> shown) {
    long start = System.nanoTime();
    conversation.ensureOpen(SmtpStage.CONTENT);
    for (String line : shown) {
      conversation.log().sent(line);
    }
    conversation.refuseUnsolicited(SmtpStage.CONTENT);
    SmtpReply early = conversation.write(bytes, SmtpStage.CONTENT, start, true);
    conversation.transactionEnded();
    return early != null ? early : conversation.receive(SmtpStage.CONTENT, start, start);
  }
}
