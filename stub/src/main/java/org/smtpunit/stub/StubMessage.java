package org.smtpunit.stub;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.smtpunit.ReceivedMessage;

/**
 * A message a {@link SmtpStub} accepted: its envelope as the client gave it and its content
 * byte-exact, after dot-unstuffing (the message the client meant, not the bytes on the wire).
 *
 * <pre>{@code
 * StubMessage message = stub.awaitMessages(1, Duration.ofSeconds(5)).get(0);
 * assertThat(message.sender()).isEqualTo("chris@contoso.com");
 * assertThat(message.recipients().get(0).parameters()).containsEntry("NOTIFY", "SUCCESS,FAILURE");
 * assertThat(message.asReceivedMessage()).hasSubject("Test from Contoso");
 * }</pre>
 *
 * @param sender the MAIL FROM address without its angle brackets; empty for the null sender {@code
 *     <>}
 * @param mailParameters the MAIL FROM parameters, keyword upper-cased to value (empty when it has
 *     none), in the order sent
 * @param recipients the accepted recipients, in the order sent
 * @param content the content, CRLFs as sent, dot-unstuffed, up to and including the CRLF before the
 *     final dot
 */
public record StubMessage(
    String sender, Map<String, String> mailParameters, List<Recipient> recipients, byte[] content) {

  /**
   * One accepted RCPT TO.
   *
   * @param address the address without its angle brackets
   * @param parameters the RCPT parameters, keyword upper-cased to value, in the order sent
   */
  public record Recipient(String address, Map<String, String> parameters) {
    /** Validates and copies the recipient. */
    public Recipient {
      Objects.requireNonNull(address, "address");
      parameters = frozen(parameters);
    }
  }

  /** Validates and copies the message. */
  public StubMessage {
    Objects.requireNonNull(sender, "sender");
    mailParameters = frozen(mailParameters);
    recipients = List.copyOf(recipients);
    content = content.clone();
  }

  /** Returns a copy of the content bytes. */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /** Returns the content decoded as UTF-8. */
  public String contentAsString() {
    return new String(content, StandardCharsets.UTF_8);
  }

  /** Returns the recipient addresses, in the order sent. */
  public List<String> recipientAddresses() {
    return recipients.stream().map(Recipient::address).toList();
  }

  /** Returns the message as the embedded server's assertions read it ({@code assertThat(...)}). */
  public ReceivedMessage asReceivedMessage() {
    return new ReceivedMessage(contentAsString(), recipientAddresses());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StubMessage that
        && sender.equals(that.sender)
        && mailParameters.equals(that.mailParameters)
        && recipients.equals(that.recipients)
        && Arrays.equals(content, that.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sender, mailParameters, recipients, Arrays.hashCode(content));
  }

  /** Returns the envelope and the content size, e.g. {@code <chris@contoso.com> -> [kate@...]}. */
  @Override
  public String toString() {
    return "<"
        + sender
        + "> -> "
        + recipientAddresses()
        + " ("
        + content.length
        + " bytes"
        + (mailParameters.isEmpty() ? "" : ", " + mailParameters)
        + ")";
  }

  private static Map<String, String> frozen(Map<String, String> parameters) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }
}
