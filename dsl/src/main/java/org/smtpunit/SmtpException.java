package org.smtpunit;

import java.util.Objects;
import org.smtpunit.internal.TranscriptExcerpt;

/**
 * Root of every SmtpUnit exception: the conversation itself broke (connection, timeout, malformed
 * reply, TLS, DNS). A negative reply is never an exception; it is a {@link SmtpReply} to assert on.
 *
 * <p>The message puts the context first, the offending element in brackets, then what was expected
 * and the likely causes, and ends with the last lines of the transcript:
 *
 * <pre>
 * Malformed reply line [250Ok] at MAIL FROM: expected a 3-digit code (2xx to 5xx) followed by ' '
 * or '-' (RFC 5321 §4.2)
 * Transcript:
 *  -&gt; MAIL FROM:&lt;chris@contoso.com&gt;
 * &lt;-  250Ok
 * </pre>
 *
 * <pre>{@code
 * try (SmtpSession smtp = client.open("mail1.fabrikam.com", 25)) {
 *   smtp.ehlo("contoso.com");
 * } catch (SmtpException e) {
 *   e.transcript().writeTo(Path.of("target/smtp.log"));
 * }
 * }</pre>
 */
public class SmtpException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final SmtpStage stage;
  private final transient Transcript transcript;

  /**
   * Creates an exception.
   *
   * @param message what happened, context first
   * @param stage the conversation step at which it happened
   * @param transcript the transcript so far
   * @param cause the underlying exception, or {@code null}
   */
  public SmtpException(String message, SmtpStage stage, Transcript transcript, Throwable cause) {
    super(withTranscript(message, transcript), cause);
    this.stage = Objects.requireNonNull(stage, "stage");
    this.transcript = Objects.requireNonNull(transcript, "transcript");
  }

  /** Returns the conversation step at which the exception happened. */
  public SmtpStage stage() {
    return stage;
  }

  /** Returns the transcript of the session up to the failure. */
  public Transcript transcript() {
    return transcript == null ? Transcript.empty() : transcript;
  }

  private static String withTranscript(String message, Transcript transcript) {
    if (transcript == null || transcript.isEmpty()) {
      return message;
    }
    return message + "\n" + TranscriptExcerpt.of(transcript);
  }
}
