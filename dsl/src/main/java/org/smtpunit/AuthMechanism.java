package org.smtpunit;

/**
 * The SASL mechanisms {@link SmtpSession#auth} speaks (RFC 4954).
 *
 * <pre>{@code
 * assertThat(smtp.auth(AuthMechanism.LOGIN, Credentials.of("chris", password))).hasCode(235);
 * }</pre>
 */
public enum AuthMechanism {
  /** RFC 4616: user name and password in one Base64 initial response. */
  PLAIN("PLAIN"),
  /** The walkthrough's Basic authentication: Base64 user name, then Base64 password. */
  LOGIN("LOGIN"),
  /** RFC 2195: an HMAC-MD5 of the server's challenge; the password never crosses the wire. */
  CRAM_MD5("CRAM-MD5"),
  /** OAuth 2.0 bearer token, as Google and Microsoft accept it. */
  XOAUTH2("XOAUTH2");

  private final String saslName;

  AuthMechanism(String saslName) {
    this.saslName = saslName;
  }

  /** Returns the name sent after AUTH, e.g. {@code CRAM-MD5}. */
  public String saslName() {
    return saslName;
  }
}
