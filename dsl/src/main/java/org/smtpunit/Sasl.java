package org.smtpunit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

  static SmtpReply authenticate(
      Conversation conversation, AuthMechanism mechanism, Credentials credentials) {
    String user = credentials.username();
    String secret = credentials.secret();
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
        answers.add(challenge -> b64(user + " " + hmacMd5(secret, challenge)));
      }
      case XOAUTH2 -> {
        first =
            "AUTH XOAUTH2 " + b64("user=" + user + "\u0001auth=Bearer " + secret + "\u0001\u0001");
        // On failure the server sends a 334 with a JSON error; an empty response ends it.
        answers.add(error -> "");
      }
      default -> throw new IllegalArgumentException("Unknown mechanism " + mechanism);
    }
    String shownFirst =
        "AUTH " + mechanism.saslName() + (first.indexOf(' ', 5) > 0 ? " " + HIDDEN : "");
    SmtpReply reply = conversation.exchange(new Command(SmtpStage.AUTH, first, shownFirst, false));
    int challenges = 0;
    while (reply.code() == 334) {
      String challenge = decode(reply.text().trim());
      conversation.note("334 prompt decodes to [" + challenge + "]");
      if (challenges >= MAX_CHALLENGES || challenges >= answers.size()) {
        // RFC 4954 §4: "*" cancels the exchange; the server answers 501.
        conversation.note("more challenges than " + mechanism.saslName() + " needs: cancelling");
        return conversation.exchange(SmtpStage.AUTH, "*");
      }
      String answer = answers.get(challenges++).apply(challenge);
      reply = conversation.exchange(new Command(SmtpStage.AUTH, answer, HIDDEN, false));
    }
    return reply;
  }

  private static String b64(String text) {
    // Never the MIME encoder: RFC 4954 responses are one line.
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String base64) {
    try {
      return Wire.printable(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException notBase64) {
      return "not Base64: " + base64;
    }
  }

  private static String hmacMd5(String secret, String challenge) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
      return HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacMD5 is not available in this JDK", e);
    }
  }
}
