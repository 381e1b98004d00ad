package org.smtpunit.mailbox;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.smtpunit.ReceivedMessage;

/**
 * Which messages of a {@link Mailbox} a test means, by their header fields: static factories,
 * combined with {@link #and(MessageQuery)}. Every query needs the header section only, so a mailbox
 * fetches a whole message only when it matches.
 *
 * <pre>{@code
 * MailMessage sent = MailMessage.builder().from("chris@contoso.com").subject("Test").build();
 * ...
 * MessageQuery mine = MessageQuery.messageId(sent.messageId())
 *     .and(MessageQuery.subjectContains("Test"));
 * ReceivedMessage received = mailbox.awaitMessage(mine, Duration.ofSeconds(30));
 * }</pre>
 */
public final class MessageQuery {

  private final Predicate<ReceivedMessage> test;
  private final String description;

  private MessageQuery(Predicate<ReceivedMessage> test, String description) {
    this.test = test;
    this.description = description;
  }

  /**
   * Matches the message whose Message-ID is {@code id}, given with or without its angle brackets.
   *
   * @throws IllegalArgumentException when the id is blank
   */
  public static MessageQuery messageId(String id) {
    String wanted = bracketed(Objects.requireNonNull(id, "id"));
    return new MessageQuery(
        m -> m.header("Message-ID").map(MessageQuery::bracketed).filter(wanted::equals).isPresent(),
        "Message-ID " + wanted);
  }

  /** Matches messages whose Subject (RFC 2047 words decoded) contains {@code text}. */
  public static MessageQuery subjectContains(String text) {
    Objects.requireNonNull(text, "text");
    return new MessageQuery(m -> m.subject().contains(text), "subject containing \"" + text + "\"");
  }

  /**
   * Matches messages with a header field {@code name} (case-insensitive) whose first occurrence,
   * unfolded and decoded, equals {@code value}.
   */
  public static MessageQuery header(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    return new MessageQuery(
        m -> m.header(name).filter(value::equals).isPresent(), name + ": " + value);
  }

  /**
   * Matches messages whose Date header is at or after {@code instant}, to the second (a Date header
   * has no fractions of a second); a message without a readable Date does not match.
   */
  public static MessageQuery sentAfter(Instant instant) {
    Instant from = Objects.requireNonNull(instant, "instant").truncatedTo(ChronoUnit.SECONDS);
    return new MessageQuery(
        m ->
            m.header("Date").flatMap(MessageQuery::date).filter(d -> !d.isBefore(from)).isPresent(),
        "sent at or after " + from);
  }

  /** Returns a query matching the messages both this and {@code other} match. */
  public MessageQuery and(MessageQuery other) {
    Objects.requireNonNull(other, "other");
    return new MessageQuery(test.and(other.test), description + " and " + other.description);
  }

  /** Returns whether the message (its header section is enough) matches. */
  public boolean matches(ReceivedMessage message) {
    return test.test(Objects.requireNonNull(message, "message"));
  }

  /** Describes the query for messages: {@code Message-ID <1@contoso.com> and subject ...}. */
  @Override
  public String toString() {
    return description;
  }

  private static String bracketed(String id) {
    String trimmed = id.trim();
    if (trimmed.isEmpty() || trimmed.equals("<>")) {
      throw new IllegalArgumentException("A Message-ID must not be blank, was [" + id + "]");
    }
    return trimmed.startsWith("<") && trimmed.endsWith(">") ? trimmed : "<" + trimmed + ">";
  }

  private static Optional<Instant> date(String value) {
    // RFC 5322 §3.3 allows a trailing comment such as "(UTC)" and an omitted day of week.
    String text = value.replaceAll("\\s*\\([^)]*\\)\\s*$", "").trim();
    if (!text.isEmpty() && Character.isDigit(text.charAt(0))) {
      text = "Mon, " + text;
    }
    try {
      return Optional.of(
          ZonedDateTime.parse(
                  text.replaceAll("\\s+", " "),
                  DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT))
              .toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
