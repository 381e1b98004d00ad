package org.smtpunit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message as a server received and stored it, to check that the walkthrough's mail really
 * arrived: the embedded server returns these.
 *
 * <pre>{@code
 * ReceivedMessage message = server.awaitMessages(1, Duration.ofSeconds(5)).get(0);
 * assertThat(message).hasSubject("Test from Contoso").hasRecipient("kate@fabrikam.com");
 * }</pre>
 *
 * @param raw the message as stored, header fields and body, CRLF line endings
 * @param recipients the envelope recipients it was delivered to
 */
public record ReceivedMessage(String raw, List<String> recipients) {

  private static final Pattern ENCODED_WORD =
      Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=(?:\\s+(?==\\?))?");

  /** Validates the message. */
  public ReceivedMessage {
    Objects.requireNonNull(raw, "raw");
    recipients = List.copyOf(recipients);
  }

  /** Returns the Subject, RFC 2047 words decoded; empty string when there is none. */
  public String subject() {
    return header("Subject").orElse("");
  }

  /**
   * Returns the From header (the author as the message states it); empty string when there is none.
   * The envelope sender, which a bounce goes to, is {@link #sender()}.
   */
  public String from() {
    return header("From").orElse("");
  }

  /** Returns the body: everything after the first blank line, line endings as received. */
  public String body() {
    int blank = raw.indexOf("\r\n\r\n");
    if (blank >= 0) {
      return raw.substring(blank + 4);
    }
    int lf = raw.indexOf("\n\n");
    return lf >= 0 ? raw.substring(lf + 2) : "";
  }

  /**
   * Returns the first header field of that name (case-insensitive), unfolded, RFC 2047 words
   * decoded.
   */
  public Optional<String> header(String name) {
    return headers(name).stream().findFirst();
  }

  /**
   * Returns every header field of that name (case-insensitive) in the order of the message, each
   * unfolded with RFC 2047 words decoded; empty when there is none.
   */
  public List<String> headers(String name) {
    return HeaderFields.parse(headerSection()).all(name).stream()
        .map(ReceivedMessage::decode)
        .toList();
  }

  /**
   * Returns the envelope sender (the SMTP {@code MAIL FROM}), as the delivering server recorded it
   * in the topmost {@code Return-Path:} field (RFC 5321 §4.4), without angle brackets: an empty
   * string for the null sender {@code <>} of a bounce or DSN, empty when the message has no
   * Return-Path. This is not the From header: see {@link #from()}.
   */
  public Optional<String> sender() {
    return header("Return-Path").map(ReceivedMessage::unbracket);
  }

  /**
   * Returns the {@code Received:} chain, one hop per field, newest first as in the message (each
   * server adds its field on top).
   */
  public List<ReceivedHop> receivedHops() {
    return headers("Received").stream().map(ReceivedHop::parse).toList();
  }

  /**
   * Returns the results of every {@code Authentication-Results:} field (RFC 8601), in the order of
   * the message: SPF, DKIM, DMARC and other methods as the receiving servers evaluated them.
   */
  public List<AuthenticationResult> authenticationResults() {
    return headers("Authentication-Results").stream()
        .flatMap(value -> AuthenticationResult.parse(value).stream())
        .toList();
  }

  private static String unbracket(String path) {
    String trimmed = HeaderFields.withoutComments(path).trim();
    return trimmed.startsWith("<") && trimmed.endsWith(">")
        ? trimmed.substring(1, trimmed.length() - 1).trim()
        : trimmed;
  }

  private String headerSection() {
    int blank = raw.indexOf("\r\n\r\n");
    if (blank < 0) {
      blank = raw.indexOf("\n\n");
    }
    return blank < 0 ? raw : raw.substring(0, blank);
  }

  private static String decode(String value) {
    Matcher word = ENCODED_WORD.matcher(value);
    StringBuilder out = new StringBuilder();
    while (word.find()) {
      byte[] bytes;
      if (word.group(2).equalsIgnoreCase("B")) {
        bytes = Base64.getDecoder().decode(word.group(3));
      } else {
        bytes = quotedPrintable(word.group(3).replace('_', ' '));
      }
      word.appendReplacement(
          out, Matcher.quoteReplacement(new String(bytes, charset(word.group(1)))));
    }
    word.appendTail(out);
    return out.toString();
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  private static byte[] quotedPrintable(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '=' && i + 2 < text.length()) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return "ReceivedMessage[to " + recipients + ", subject \"" + subject() + "\"]";
  }
}
