package org.smtpunit.assertions;

import static org.smtpunit.assertions.error.ShouldContainCommand.shouldContainCommand;
import static org.smtpunit.assertions.error.ShouldContainReplyCode.shouldContainReplyCode;
import static org.smtpunit.assertions.error.ShouldNotContainText.shouldNotContainText;

import java.util.List;
import java.util.Locale;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.ListAssert;
import org.smtpunit.Transcript;
import org.smtpunit.TranscriptEntry;
import org.smtpunit.TranscriptEntry.Direction;

/**
 * Assertions on a session's {@link Transcript}; get one from {@link
 * SmtpAssertions#assertThat(Transcript)}.
 *
 * <pre>{@code
 * assertThat(smtp.transcript())
 *     .containsCommand("RCPT TO:<kate@fabrikam.com>")
 *     .containsReplyCode(354)
 *     .doesNotContain(password);
 * }</pre>
 */
public class TranscriptAssert extends AbstractSmtpUnitAssert<TranscriptAssert, Transcript> {

  /** Creates the assertion; public so soft assertions can proxy it. */
  public TranscriptAssert(Transcript actual) {
    super(actual, TranscriptAssert.class);
  }

  /**
   * Verifies the client sent the command: a sent line equal to it, ignoring case, or starting with
   * it followed by a space (so {@code "RCPT TO:<kate@fabrikam.com>"} matches the line with {@code
   * NOTIFY=SUCCESS,FAILURE} after it).
   *
   * @throws IllegalArgumentException when {@code command} is null
   */
  public TranscriptAssert containsCommand(String command) {
    Expected.notNull(command, "command");
    isNotNull();
    String wanted = command.toUpperCase(Locale.ROOT);
    boolean found =
        actual.entries().stream()
            .filter(e -> e.direction() == TranscriptEntry.Direction.SENT)
            .map(e -> e.line().toUpperCase(Locale.ROOT))
            .anyMatch(line -> line.equals(wanted) || line.startsWith(wanted + " "));
    if (!found) {
      throwAssertionError(shouldContainCommand(actual, command));
    }
    return myself;
  }

  /**
   * Navigates to the lines the client sent, in order, as written (commands and message content),
   * for AssertJ's list assertions.
   *
   * <pre>{@code
   * assertThat(smtp.transcript()).sentLines().startsWith("EHLO contoso.com");
   * }</pre>
   */
  @CheckReturnValue
  public ListAssert<String> sentLines() {
    return navigate(
        "sent lines", t -> lines(t, Direction.SENT), InstanceOfAssertFactories.list(String.class));
  }

  /**
   * Navigates to the lines the server sent, in order, each reply line with its code (e.g. {@code
   * "250-PIPELINING"}), for AssertJ's list assertions.
   *
   * <pre>{@code
   * assertThat(smtp.transcript()).receivedLines().first().asString().startsWith("220 ");
   * }</pre>
   */
  @CheckReturnValue
  public ListAssert<String> receivedLines() {
    return navigate(
        "received lines",
        t -> lines(t, Direction.RECEIVED),
        InstanceOfAssertFactories.list(String.class));
  }

  private static List<String> lines(Transcript transcript, Direction direction) {
    return transcript.entries().stream()
        .filter(e -> e.direction() == direction)
        .map(TranscriptEntry::line)
        .toList();
  }

  /** Verifies the server sent a reply line with the code. */
  public TranscriptAssert containsReplyCode(int code) {
    isNotNull();
    String prefix = Integer.toString(code);
    boolean found =
        actual.entries().stream()
            .filter(e -> e.direction() == TranscriptEntry.Direction.RECEIVED)
            .map(TranscriptEntry::line)
            .anyMatch(
                line ->
                    line.startsWith(prefix)
                        && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-'));
    if (!found) {
      throwAssertionError(shouldContainReplyCode(actual, code));
    }
    return myself;
  }

  /**
   * Verifies no line, in any direction, contains the text. Used to prove secrets never reach a
   * transcript, so the failure names the line but never prints the text or the transcript.
   *
   * @throws IllegalArgumentException when {@code text} is null
   */
  public TranscriptAssert doesNotContain(String text) {
    Expected.notNull(text, "text");
    isNotNull();
    List<TranscriptEntry> entries = actual.entries();
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).line().contains(text)) {
        throwAssertionError(shouldNotContainText(i + 1, entries.size()));
      }
    }
    return myself;
  }
}
