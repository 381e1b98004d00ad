package org.smtpunit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.smtpunit.internal.CramMd5;
import org.smtpunit.internal.Wire;

/**
 * The SASL exchanges of RFC 4954 AUTH. Every client response is recorded as {@code ****}; the
 * server's Base64 prompts are decoded into a transcript note for readability.
 */
final class Sasl {

  /** More challenges than any of our mechanisms needs: the server is looping. */
  static final int MAX_CHALLENGES = 5;

  private static final String HIDDEN = "****";

  private Sasl() {}

  /**
   * Checks that AUTH may be sent (an encrypted connection, or {@code allowPlaintext}; an EHLO after
   * STARTTLS), then runs the exchange within one reply timeout from {@code start}, however many
   * steps it has. The checks live here, not in {@link SmtpSession}, so that a session that never
   * authenticates does not load {@link SmtpSecurityException}.
   */
  static SmtpReply authenticate(
      Conversation conversation,
      AuthMechanism mechanism,
      Credentials credentials,
      boolean allowPlaintext,
      long start) {
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(credentials, "credentials");
    if (conversation.tls().isEmpty() && !allowPlaintext) {
      throw new SmtpSecurityException(
          "Refusing AUTH "
              + mechanism.saslName()
              + " to "
              + conversation.remoteHost()
              + " over a connection that is not encrypted: Basic authentication without"
              + " encryption is not recommended, because the credentials are easy to read. Use"
              + " TlsMode.STARTTLS, startTls() or implicit TLS, or build the client with"
              + " allowPlaintextAuth(true) for a lab server; nothing was sent",
          SmtpStage.AUTH,
          conversation.log().snapshot());
    }
    if (!conversation.ehloSinceTls()) {
      throw new IllegalStateException(
          "Send EHLO again after STARTTLS before AUTH: RFC 3207 §4.2 makes the client forget every"
              + " capability learned before TLS, including the AUTH mechanisms; nothing was sent");
    }
    String user = credentials.username();
    String secret = credentials.secret();
    if (mechanism == AuthMechanism.CRAM_MD5 && secret.isEmpty()) {
      // HMAC has no empty key in the JDK: refuse now rather than in the middle of the exchange.
      throw new IllegalArgumentException(
          "CRAM-MD5 needs a non-empty password: its HMAC-MD5 key cannot be empty; nothing was sent");
    }
    String first;
    List<Function<String, String>> answers = new ArrayList<>();
    switch (mechanism) {
      case PLAIN -> first = "AUTH PLAIN " + b64("\0" + user + "\0" + secret);
      case LOGIN -> {
        first = "AUTH LOGIN";
        answers.add(prompt -> b64(user));
        answers.add(prompt -> b64(secret));
      }
      case CRAM_MD5 -> {
        first = "AUTH CRAM-MD5";
        answers.add(challenge -> b64(user + " " + CramMd5.digest(secret, challenge)));
      }
      case XOAUTH2 -> {
        first =
            "AUTH XOAUTH2 " + b64("user=" + user + "\u0001auth=Bearer " + secret + "\u0001\u0001");
        // On failure the server sends a 334 with a JSON error; an empty response ends it.
        answers.add(error -> "");
      }
      default -> throw new IllegalArgumentException("Unknown mechanism " + mechanism);
    }
    conversation.log().secret(secret);
    if (first.indexOf(' ', 5) > 0) {
      conversation.log().secret(first.substring(first.indexOf(' ', 5) + 1));
    }
    String shownFirst =
        "AUTH " + mechanism.saslName() + (first.indexOf(' ', 5) > 0 ? " " + HIDDEN : "");
    SmtpReply reply =
        conversation.exchange(new Command(SmtpStage.AUTH, first, shownFirst, false), start);
    int challenges = 0;
    while (reply.code() == 334) {
      String encoded = reply.text().trim();
      String challenge = decodeOrNull(encoded);
      conversation
          .log()
          .note(
              "334 prompt decodes to ["
                  + (challenge == null ? "not Base64: " + encoded : Wire.printable(challenge))
                  + "]");
      if (challenges >= MAX_CHALLENGES || challenges >= answers.size()) {
        // RFC 4954 §4: "*" cancels the exchange; the server answers 501.
        conversation
            .log()
            .note("more challenges than " + mechanism.saslName() + " needs: cancelling");
        return conversation.exchange(Command.of(SmtpStage.AUTH, "*"), start);
      }
      if (challenge == null && mechanism == AuthMechanism.CRAM_MD5) {
        // RFC 4954 §4: a challenge that cannot be decoded is cancelled, not answered.
        conversation.log().note("the CRAM-MD5 challenge is not Base64: cancelling");
        return conversation.exchange(Command.of(SmtpStage.AUTH, "*"), start);
      }
      String answer = answers.get(challenges++).apply(challenge == null ? encoded : challenge);
      conversation.log().secret(answer);
      reply = conversation.exchange(new Command(SmtpStage.AUTH, answer, HIDDEN, false), start);
    }
    return reply;
  }

  private static String b64(String text) {
    // Never the MIME encoder: RFC 4954 responses are one line.
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a server prompt, or returns {@code null} when it is not Base64 (RFC 4648). */
  private static String decodeOrNull(String base64) {
    try {
      return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
