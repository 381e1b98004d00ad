package org.smtpunit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
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

  /** Returns the From header; empty string when there is none. */
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
    String headers = headerSection();
    String wanted = name.toLowerCase(Locale.ROOT) + ":";
    String[] lines = headers.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].toLowerCase(Locale.ROOT).startsWith(wanted)) {
        StringBuilder value = new StringBuilder(lines[i].substring(wanted.length()).trim());
        while (i + 1 < lines.length
            && (lines[i + 1].startsWith(" ") || lines[i + 1].startsWith("\t"))) {
          value.append(' ').append(lines[++i].trim());
        }
        return Optional.of(decode(value.toString()));
      }
    }
    return Optional.empty();
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
