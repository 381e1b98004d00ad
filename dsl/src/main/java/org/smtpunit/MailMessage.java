package org.smtpunit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    int lone = Wire.loneSurrogate(content);
    if (lone >= 0) {
      throw new IllegalArgumentException(
          "Message content holds a lone surrogate at index "
              + lone
              + ": it has no UTF-8 encoding and would be sent as '?'; nothing was sent");
    }
  }

  /**
   * Returns the first From, To, Cc, Bcc, Sender or Reply-To header field whose value holds
   * non-ASCII characters outside RFC 2047 encoded words, i.e. an internationalized address, which
   * only a transaction that asked for SMTPUTF8 may carry (RFC 6532 §3.2, RFC 6531 §3.4).
   */
  Optional<String> utf8AddressField() {
    int end = content.indexOf("\r\n\r\n");
    int endLf = content.indexOf("\n\n");
    int headerEnd =
        end < 0 ? (endLf < 0 ? content.length() : endLf) : endLf < 0 ? end : Math.min(end, endLf);
    String header = content.substring(0, headerEnd);
    if (Wire.isAscii(header)) {
      // The usual case, answered without splitting the header section on every send.
      return Optional.empty();
    }
    return HeaderFields.utf8AddressField(header);
  }

  /**
   * Refuses, before anything is sent, a message whose address fields are internationalized when the
   * transaction did not ask for SMTPUTF8.
   *
   * @throws IllegalArgumentException naming the field
   */
  void requireAsciiAddresses(boolean smtpUtf8) {
    if (smtpUtf8) {
      return;
    }
    // No ifPresent(lambda): the lambda would be spun up on every cold JVM's first send.
    Optional<String> field = utf8AddressField();
    if (field.isPresent()) {
      throw new IllegalArgumentException(
          "The "
              + field.get()
              + " header field holds a non-ASCII address: send MAIL FROM with"
              + " MailParameter.smtpUtf8() (RFC 6531) to use one, or write the display"
              + " name as an RFC 2047 encoded word; nothing was sent");
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

  /**
   * Returns the Message-ID as in the header, angle brackets included, e.g. {@code
   * <0b3c...@contoso.com>}. The builder gives every message a unique one, so a test can send a
   * message and then await exactly that message in a mailbox.
   *
   * @throws IllegalStateException when the content has no Message-ID header (a raw message without
   *     one)
   */
  public String messageId() {
    return new ReceivedMessage(content, List.of())
        .header("Message-ID")
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "This message has no Message-ID header: build it with MailMessage.builder(),"
                        + " which adds a unique one, or add one to the raw text"));
  }

  /** Returns the bytes for the wire: CRLF lines, dot-stuffed, ending with the {@code .} line. */
  byte[] toWireBytes() {
    byte[] text = content.getBytes(StandardCharsets.UTF_8);
    // Two passes over plain arrays: messages can be many megabytes, and this runs inside the
    // call's deadline.
    int size = convert(text, null);
    byte[] out = new byte[size];
    convert(text, out);
    return out;
  }

  /** Writes the wire form into {@code out} (when not null) and returns its length. */
  private static int convert(byte[] text, byte[] out) {
    int n = 0;
    boolean lineStart = true;
    for (int i = 0; i < text.length; i++) {
      byte b = text[i];
      if (b == '\r' || b == '\n') {
        n = put(out, n, '\r');
        n = put(out, n, '\n');
        if (b == '\r' && i + 1 < text.length && text[i + 1] == '\n') {
          i++;
        }
        lineStart = true;
        continue;
      }
      if (lineStart && b == '.') {
        n = put(out, n, '.');
      }
      n = put(out, n, b);
      lineStart = false;
    }
    if (!lineStart) {
      n = put(out, n, '\r');
      n = put(out, n, '\n');
    }
    n = put(out, n, '.');
    n = put(out, n, '\r');
    return put(out, n, '\n');
  }

  private static int put(byte[] out, int at, int b) {
    if (out != null) {
      out[at] = (byte) b;
    }
    return at + 1;
  }

  /** Builds an RFC 5322 message; adds Date and Message-ID unless given. */
  public static final class Builder {
    private final List<String[]> headers = new ArrayList<>();
    private String from;
    private final List<String> to = new ArrayList<>();
    private final List<String> cc = new ArrayList<>();
    private String subject;
    private String body = "";

    private Builder() {}

    /**
     * Sets the From header: an address, or {@code Display Name <address>}; a non-ASCII display name
     * is sent as RFC 2047 encoded words, a non-ASCII address only in an SMTPUTF8 transaction.
     *
     * @throws IllegalArgumentException when it holds CR, LF, NUL or a lone surrogate
     */
    public Builder from(String address) {
      this.from = Rfc2047.mailbox(Wire.requireSafe("From", address));
      return this;
    }

    /**
     * Adds To recipients, each like {@link #from}.
     *
     * @throws IllegalArgumentException as {@link #from}
     */
    public Builder to(String... addresses) {
      for (String address : addresses) {
        to.add(Rfc2047.mailbox(Wire.requireSafe("To", address)));
      }
      return this;
    }

    /**
     * Adds Cc recipients, each like {@link #from}.
     *
     * @throws IllegalArgumentException as {@link #from}
     */
    public Builder cc(String... addresses) {
      for (String address : addresses) {
        cc.add(Rfc2047.mailbox(Wire.requireSafe("Cc", address)));
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
      Wire.requireWellFormed("Message body", body);
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
      HeaderFields.requireName(Objects.requireNonNull(name, "name"));
      headers.add(new String[] {name, Wire.requireSafe("Header " + name, value)});
      return this;
    }

    /** Builds the message. */
    public MailMessage build() {
      StringBuilder out = new StringBuilder(256 + body.length());
      if (!has("Date")) {
        field(out, "Date", GeneratedHeaders.date(GeneratedHeaders.now()));
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
        field(out, "Message-ID", "<" + GeneratedHeaders.randomUuid() + "@" + domain + ">");
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
      for (String[] header : headers) {
        if (header[0].equalsIgnoreCase(name)) {
          return true;
        }
      }
      return false;
    }

    private static void field(StringBuilder out, String name, String value) {
      out.append(name).append(": ").append(value).append("\r\n");
    }
  }
}
