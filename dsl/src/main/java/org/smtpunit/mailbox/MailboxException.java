package org.smtpunit.mailbox;

import org.smtpunit.SmtpException;
import org.smtpunit.SmtpStage;
import org.smtpunit.Transcript;

/**
 * A mailbox could not be read: the host did not answer, the login was refused, the connection
 * broke, or no message matched within the time allowed. The message names the mailbox and the
 * likely cause; {@link #transcript()} holds the IMAP or POP3 conversation, credentials redacted.
 *
 * <pre>{@code
 * try (Mailbox inbox = Mailbox.imap("127.0.0.1", 143).allowPlaintextAuth(true).login(kate)) {
 *   inbox.awaitMessage(MessageQuery.messageId(id), Duration.ofSeconds(30));
 * } catch (MailboxException e) {
 *   System.err.println(e.transcript());
 * }
 * }</pre>
 */
public class MailboxException extends SmtpException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what happened, the mailbox first
   * @param transcript the IMAP or POP3 conversation so far
   * @param cause the underlying exception, or {@code null}
   */
  public MailboxException(String message, Transcript transcript, Throwable cause) {
    super(message, SmtpStage.MAILBOX, transcript, cause);
  }
}
