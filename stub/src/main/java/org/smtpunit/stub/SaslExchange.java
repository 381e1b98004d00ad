package org.smtpunit.stub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.smtpunit.internal.CramMd5;

/**
 * The server side of AUTH (RFC 4954) for PLAIN (RFC 4616), LOGIN, CRAM-MD5 (RFC 2195) and XOAUTH2,
 * checked against the users added to the stub; for XOAUTH2 the password is the token.
 */
final class SaslExchange {

  /** Reads one SASL response line; {@code null} when the client closed the connection. */
  interface Channel {
    String readResponse() throws IOException;

    void send(String reply) throws IOException;
  }

  private static final String XOAUTH2_ERROR =
      Base64.getEncoder()
          .encodeToString(
              "{\"status\":\"401\",\"schemes\":\"bearer\",\"scope\":\"https://mail.google.com/\"}"
                  .getBytes(StandardCharsets.UTF_8));
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PersonaTexts texts;
  private final Script script;
  private final Channel channel;
  private boolean gone;

  SaslExchange(PersonaTexts texts, Script script, Channel channel) {
    this.texts = texts;
    this.script = script;
    this.channel = channel;
  }

  /** How an exchange ended. */
  enum Result {
    /** The credentials matched a user: 235 sent. */
    AUTHENTICATED,
    /** Wrong credentials, an unknown mechanism, undecodable Base64 or {@code *}: reply sent. */
    REFUSED,
    /** The client closed the connection in the middle. */
    GONE
  }

  /** Runs the exchange for {@code AUTH <argument>}, sending every reply including the last. */
  Result run(String argument) throws IOException {
    String[] words = argument.split(" ", 2);
    String mechanism = words[0].toUpperCase(Locale.ROOT);
    String initial = words.length > 1 ? words[1] : null;
    return switch (mechanism) {
      case "PLAIN" -> plain(initial);
      case "LOGIN" -> login(initial);
      case "CRAM-MD5" -> cramMd5();
      case "XOAUTH2" -> xoauth2(initial);
      default -> {
        channel.send(texts.authUnknown());
        yield Result.REFUSED;
      }
    };
  }

  private Result plain(String initial) throws IOException {
    String response = initial != null ? initial : ask("");
    if (response == null) {
      return ended();
    }
    Optional<String> decoded = decode(response);
    // RFC 4616 §2: authzid NUL authcid NUL passwd.
    String[] parts = decoded.orElse("").split("\0", -1);
    return finish(decoded.isPresent(), parts.length == 3 && check(parts[1], parts[2]));
  }

  private Result login(String initial) throws IOException {
    String user = initial != null ? initial : ask("VXNlcm5hbWU6");
    if (user == null) {
      return ended();
    }
    String password = ask("UGFzc3dvcmQ6");
    if (password == null) {
      return ended();
    }
    Optional<String> name = decode(user);
    Optional<String> secret = decode(password);
    boolean decodable = name.isPresent() && secret.isPresent();
    return finish(decodable, decodable && check(name.get(), secret.get()));
  }

  private Result cramMd5() throws IOException {
    String challenge = "<" + Math.abs(RANDOM.nextLong()) + "." + System.nanoTime() + "@smtp-stub>";
    String response = ask(encode(challenge));
    if (response == null) {
      return ended();
    }
    Optional<String> decoded = decode(response);
    String text = decoded.orElse("");
    int space = text.lastIndexOf(' ');
    boolean ok =
        space > 0
            && script
                .password(text.substring(0, space))
                .map(
                    password ->
                        sameText(CramMd5.digest(password, challenge), text.substring(space + 1)))
                .orElse(false);
    return finish(decoded.isPresent(), ok);
  }

  private Result xoauth2(String initial) throws IOException {
    String response = initial != null ? initial : ask("");
    if (response == null) {
      return ended();
    }
    String user = "";
    String token = "";
    for (String field : decode(response).orElse("").split("\u0001")) {
      if (field.startsWith("user=")) {
        user = field.substring(5);
      } else if (field.startsWith("auth=Bearer ")) {
        token = field.substring(12);
      }
    }
    boolean ok = !user.isEmpty() && check(user, token);
    // The Gmail form of a failure: a 334 with a JSON error, answered by an empty line.
    if (!ok && ask(XOAUTH2_ERROR) == null) {
      return ended();
    }
    return finish(true, ok);
  }

  private boolean check(String user, String password) {
    return script.password(user).map(p -> sameText(p, password)).orElse(false);
  }

  private Result finish(boolean decodable, boolean ok) throws IOException {
    if (!decodable) {
      channel.send("501 5.5.2 Cannot decode the response as Base64");
      return Result.REFUSED;
    }
    channel.send(ok ? texts.authOk() : texts.authFailed());
    return ok ? Result.AUTHENTICATED : Result.REFUSED;
  }

  private Result ended() {
    return gone ? Result.GONE : Result.REFUSED;
  }

  /**
   * Sends a 334 challenge and reads the response; {@code null} when the client cancelled (the
   * cancel is answered) or left.
   */
  private String ask(String challenge) throws IOException {
    channel.send("334 " + challenge);
    String response = channel.readResponse();
    if (response == null) {
      gone = true;
      return null;
    }
    if (response.equals("*")) {
      // RFC 4954 §4: "*" cancels the exchange.
      channel.send(texts.authCancelled());
      return null;
    }
    return response;
  }

  private static Optional<String> decode(String base64) {
    try {
      return Optional.of(
          new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean sameText(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
