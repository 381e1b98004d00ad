package org.smtpunit;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code Received:} header field (RFC 5321 §4.4): a server that relayed or delivered the
 * message, the client it took it from, and when. {@link ReceivedMessage#receivedHops()} lists them
 * newest first, as they appear in the message.
 *
 * <pre>{@code
 * ReceivedHop last = message.receivedHops().get(0);
 * last.by();         // Optional[mail1.fabrikam.com]
 * last.from();       // Optional[contoso.com]   (the name the client gave in EHLO)
 * last.timestamp();  // Optional[2026-11-30T01:46:27Z]
 * }</pre>
 *
 * @param from the name after {@code from} (the client's EHLO name), if any
 * @param by the name after {@code by} (the server that added the field), if any
 * @param with the protocol after {@code with} (e.g. {@code ESMTPS}), if any
 * @param timestamp the date after the last {@code ;}, if present and readable
 * @param value the whole field value, unfolded
 */
public record ReceivedHop(
    Optional<String> from,
    Optional<String> by,
    Optional<String> with,
    Optional<Instant> timestamp,
    String value) {

  /** {@code Date.toString()} form, which GreenMail writes instead of an RFC 5322 date. */
  private static final DateTimeFormatter JAVA_DATE =
      DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss zzz yyyy", Locale.ROOT);

  /** Validates the hop. */
  public ReceivedHop {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(with, "with");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Reads one {@code Received:} field value. Parts that are missing or unreadable are empty; the
   * value itself is always kept.
   */
  public static ReceivedHop parse(String value) {
    int semicolon = value.lastIndexOf(';');
    String clauses =
        HeaderFields.withoutComments(semicolon < 0 ? value : value.substring(0, semicolon));
    String[] tokens = clauses.split("\\s+");
    Optional<Instant> timestamp =
        semicolon < 0 ? Optional.empty() : date(value.substring(semicolon + 1));
    return new ReceivedHop(
        after(tokens, "from"), after(tokens, "by"), after(tokens, "with"), timestamp, value);
  }

  private static Optional<String> after(String[] tokens, String keyword) {
    for (int i = 0; i + 1 < tokens.length; i++) {
      if (tokens[i].equalsIgnoreCase(keyword)) {
        return Optional.of(tokens[i + 1]);
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> date(String text) {
    String date = HeaderFields.withoutComments(text).replaceAll("\\s+", " ");
    for (DateTimeFormatter format :
        new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, JAVA_DATE}) {
      try {
        return Optional.of(ZonedDateTime.parse(date, format).toInstant());
      } catch (DateTimeParseException e) {
        // Try the next form; a date that fits none stays empty.
      }
    }
    return Optional.empty();
  }
}
