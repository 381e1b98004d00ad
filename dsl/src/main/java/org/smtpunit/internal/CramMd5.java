package org.smtpunit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The digest of SASL CRAM-MD5 (RFC 2195): HMAC-MD5 of the server's challenge keyed with the shared
 * secret, in lower-case hex. The client ({@code Sasl}) computes it and the stub checks it.
 *
 * <pre>{@code
 * CramMd5.digest("tanstaaftanstaaf", "<1896.697170952@postoffice.reston.mci.net>");
 * // "b913a602c7eda7a495b4e6e7334d3890"
 * }</pre>
 */
public final class CramMd5 {

  private CramMd5() {}

  /**
   * Returns the hex HMAC-MD5 of the challenge keyed with the secret, both as UTF-8.
   *
   * @throws IllegalStateException when the JDK offers no HmacMD5
   */
  public static String digest(String secret, String challenge) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
      return HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacMD5 is not available in this JDK", e);
    }
  }
}
