package org.smtpunit;

/**
 * The exceptions for a command the {@link Conversation} will not send: the conversation has already
 * ended, or the server sent a reply to nothing. Kept apart from the conversation because a
 * transaction that goes well never builds one.
 */
final class SendRefusals {

  private SendRefusals() {}

  /**
   * The conversation ended earlier ({@code closedBecause} says why, or is {@code null} when the
   * connection closed under it), so nothing is sent for {@code stage}.
   */
  static SmtpConnectionClosedException closed(
      SmtpStage stage, String remoteHost, String closedBecause, TranscriptLog log) {
    String why = closedBecause == null ? "the connection is closed" : closedBecause;
    return new SmtpConnectionClosedException(
        "Cannot send " + stage + " to " + remoteHost + ": " + why + "; nothing was sent",
        stage,
        log.snapshot(),
        null);
  }

  /**
   * The server sent {@code arrived} before the command for {@code stage} went out: a reply to
   * nothing, recorded in the transcript before the exception is built.
   */
  static SmtpProtocolException unsolicited(SmtpStage stage, String arrived, TranscriptLog log) {
    log.note("the server sent [" + arrived + "] before " + stage + " was sent");
    return new SmtpProtocolException(
        "Unexpected reply before "
            + stage
            + ": the server sent ["
            + arrived
            + "] before the command was sent, one reply more than the commands so far;"
            + " every later reply would answer the wrong command, so the session was ended"
            + " and nothing was sent",
        arrived,
        stage,
        log.snapshot());
  }
}
