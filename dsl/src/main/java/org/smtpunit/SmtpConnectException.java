package org.smtpunit;

import java.util.Objects;

/**
 * The TCP connection could not be opened: telnet's "Could not open connection to the host". The
 * message names the host and port, the {@link ConnectFailure} and its likely causes.
 *
 * <pre>{@code
 * SmtpConnectException e = catchThrowableOfType(SmtpConnectException.class,
 *     () -> client.open("mail1.fabrikam.com", 25));
 * assertThat(e).hasFailure(ConnectFailure.REFUSED);
 * }</pre>
 */
public class SmtpConnectException extends SmtpException {

  private static final long serialVersionUID = 1L;

  private final ConnectFailure failure;

  /**
   * Creates the exception.
   *
   * @param message the full message (see {@link #describe})
   * @param failure the classified failure
   * @param transcript the transcript so far
   * @param cause the platform's exception, or {@code null}
   */
  public SmtpConnectException(
      String message, ConnectFailure failure, Transcript transcript, Throwable cause) {
    super(message, SmtpStage.CONNECT, transcript, cause);
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /** Returns why the connection failed. */
  public ConnectFailure failure() {
    return failure;
  }

  /**
   * Builds the walkthrough's message for a failed connection: {@code Could not open connection to
   * mail1.fabrikam.com on port 25: connection refused [detail]} then the likely causes.
   */
  public static String describe(String host, int port, ConnectFailure failure, String detail) {
    StringBuilder out =
        new StringBuilder("Could not open connection to ")
            .append(host)
            .append(" on port ")
            .append(port)
            .append(": ")
            .append(failure.description());
    if (detail != null && !detail.isBlank()) {
      out.append(" [").append(detail).append(']');
    }
    out.append("\nLikely causes:");
    for (String cause : failure.likelyCauses()) {
      out.append("\n  - ").append(cause);
    }
    return out.toString();
  }
}
