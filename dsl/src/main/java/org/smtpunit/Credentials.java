package org.smtpunit;

import java.util.Objects;
import org.smtpunit.internal.Wire;

/**
 * A user name and a secret (password or OAuth token) for {@link SmtpSession#auth}. The secret is
 * never shown: not by {@code toString()}, not in a transcript, not in an exception message.
 *
 * <pre>{@code
 * Credentials chris = Credentials.of("chris@contoso.com", System.getenv("SMTPUNIT_AUTH_PASSWORD"));
 * }</pre>
 */
public final class Credentials {

  private final String username;
  private final String secret;
  private final boolean token;

  private Credentials(String username, String secret, boolean token) {
    this.username = Wire.requireSafe("User name", Objects.requireNonNull(username, "username"));
    this.secret = Objects.requireNonNull(secret, "secret");
    int lone = Wire.loneSurrogate(secret);
    if (lone >= 0) {
      // The message must not show the secret: only where the fault is.
      throw new IllegalArgumentException(
          "The secret holds a lone surrogate at index "
              + lone
              + ": it has no UTF-8 encoding and would be sent as '?'");
    }
    if (secret.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "The secret must not hold a NUL (it separates PLAIN's fields)");
    }
    this.token = token;
  }

  /**
   * A user name and password.
   *
   * @throws IllegalArgumentException when the user name holds CR, LF or NUL, or the password a NUL
   */
  public static Credentials of(String username, String password) {
    return new Credentials(username, password, false);
  }

  /**
   * A user name and OAuth 2.0 access token, for {@link AuthMechanism#XOAUTH2}.
   *
   * @throws IllegalArgumentException when the user name holds CR, LF or NUL
   */
  public static Credentials oauthToken(String username, String accessToken) {
    return new Credentials(username, accessToken, true);
  }

  /** Returns the user name. */
  public String username() {
    return username;
  }

  /**
   * Returns the secret, for code that must hand it to a protocol library (such as {@code
   * org.smtpunit.mailbox.Mailbox} to Angus Mail); never log or print it.
   */
  public String secret() {
    return secret;
  }

  /** Shows the user name only: {@code Credentials[chris@contoso.com, password ****]}. */
  @Override
  public String toString() {
    return "Credentials[" + username + ", " + (token ? "token" : "password") + " ****]";
  }
}
