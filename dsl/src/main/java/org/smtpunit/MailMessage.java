package org.smtpunit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.smtpunit.internal.Wire;

/**
 * A message to send after DATA: header fields, a blank line, a body (RFC 5322). Build one, or give
 * the exact text as the walkthrough types it.
 *
 * <pre>{@code
 * MailMessage built = MailMessage.builder()
 *     .from("chris@contoso.com").to("kate@fabrikam.com")
 *     .subject("Test from Contoso").body("This is a test message")
 *     .build();
 * MailMessage exact = MailMessage.raw("Subject:Test from Contoso\r\n\r\nThis is a test message");
 * }</pre>
 *
 * <p>On the wire every line ends in CRLF (bare LF and CR are converted), lines starting with a dot
 * are dot-stuffed (RFC 5321 §4.5.2), and a final {@code .} line ends the data.
 *
 * @param content the message text, header fields and body
 */
public record MailMessage(String content) {

  /**
   * Validates the content.
   *
   * @throws IllegalArgumentException when the content holds a NUL
   */
  public MailMessage {
    Objects.requireNonNull(content, "content");
    int nul = content.indexOf('\0');
    if (nul >= 0) {
      throw new IllegalArgumentException(
          "Message content holds a NUL at index " + nul + "; nothing was sent");
    }
  }

  /** Returns a message with exactly this text (line endings are still made CRLF on the wire). */
  public static MailMessage raw(String content) {
    return new MailMessage(content);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the bytes for the wire: CRLF lines, dot-stuffed, ending with the {@code .} line. */
  byte[] toWireBytes() {
    byte[] text = content.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + text.length / 32 + 8);
    boolean lineStart = true;
    for (int i = 0; i < text.length; i++) {
      byte b = text[i];
      if (b == '\r' || b == '\n') {
        out.write('\r');
        out.write('\n');
        if (b == '\r' && i + 1 < text.length && text[i + 1] == '\n') {
          i++;
        }
        lineStart = true;
        continue;
      }
      if (lineStart && b == '.') {
        out.write('.');
      }
      out.write(b);
      lineStart = false;
    }
    if (!lineStart) {
      out.write('\r');
      out.write('\n');
    }
    out.write('.');
    out.write('\r');
    out.write('\n');
    return out.toByteArray();
  }

  /** Builds an RFC 5322 message; adds Date and Message-ID unless given. */
  public static final class Builder {
    private static final DateTimeFormatter DATE =
        DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private final List<String[]> headers = new ArrayList<>();
    private String from;
    private final List<String> to = new ArrayList<>();
    private final List<String> cc = new ArrayList<>();
    private String subject;
    private String body = "";

    private Builder() {}

    /** Sets the From header. */
    public Builder from(String address) {
      this.from = Wire.requireSafe("From", address);
      return this;
    }

    /** Adds To recipients. */
    public Builder to(String... addresses) {
      for (String address : addresses) {
        to.add(Wire.requireSafe("To", address));
      }
      return this;
    }

    /** Adds Cc recipients. */
    public Builder cc(String... addresses) {
      for (String address : addresses) {
        cc.add(Wire.requireSafe("Cc", address));
      }
      return this;
    }

    /** Sets the Subject, RFC 2047-encoded when it is not ASCII. */
    public Builder subject(String subject) {
      this.subject = Wire.requireSafe("Subject", subject);
      return this;
    }

    /** Sets the body; any line endings are sent as CRLF. */
    public Builder body(String body) {
      Objects.requireNonNull(body, "body");
      if (body.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("Message body holds a NUL; nothing was sent");
      }
      this.body = body;
      return this;
    }

    /**
     * Adds a header field; non-ASCII values are RFC 2047-encoded.
     *
     * @throws IllegalArgumentException when the name is not printable ASCII without ':' or space,
     *     or the value holds CR, LF or NUL
     */
    public Builder header(String name, String value) {
      Wire.requireAscii("Header name", name, "");
      if (name.isEmpty() || name.indexOf(':') >= 0 || name.indexOf(' ') >= 0) {
        throw new IllegalArgumentException(
            "Header name [" + name + "] must be non-empty printable ASCII without ':' or space");
      }
      headers.add(new String[] {name, Wire.requireSafe("Header " + name, value)});
      return this;
    }

    /** Builds the message. */
    public MailMessage build() {
      StringBuilder out = new StringBuilder(256 + body.length());
      if (!has("Date")) {
        field(out, "Date", DATE.format(ZonedDateTime.now()));
      }
      if (from != null) {
        field(out, "From", from);
      }
      if (!to.isEmpty()) {
        field(out, "To", String.join(", ", to));
      }
      if (!cc.isEmpty()) {
        field(out, "Cc", String.join(", ", cc));
      }
      if (!has("Message-ID")) {
        String domain =
            from != null && from.contains("@")
                ? from.substring(from.lastIndexOf('@') + 1)
                : "smtpunit.invalid";
        field(out, "Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
      }
      if (subject != null) {
        field(out, "Subject", Rfc2047.encode(subject));
      }
      for (String[] header : headers) {
        field(out, header[0], Rfc2047.encode(header[1]));
      }
      if (!Wire.isAscii(body) && !has("Content-Type")) {
        field(out, "MIME-Version", "1.0");
        field(out, "Content-Type", "text/plain; charset=UTF-8");
        field(out, "Content-Transfer-Encoding", "8bit");
      }
      out.append("\r\n").append(body);
      return new MailMessage(out.toString());
    }

    private boolean has(String name) {
      return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(name));
    }

    private static void field(StringBuilder out, String name, String value) {
      out.append(name).append(": ").append(value).append("\r\n");
    }
  }
}
