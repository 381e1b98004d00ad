package org.smtpunit;

import java.nio.charset.StandardCharsets;

/** RFC 3461 §4 xtext: {@code +} followed by two upper-case hex digits for unsafe octets. */
final class Xtext {

  private Xtext() {}

  static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int octet = b & 0xff;
      if (octet >= 33 && octet <= 126 && octet != '+' && octet != '=') {
        out.append((char) octet);
      } else {
        out.append('+').append(Character.toUpperCase(Character.forDigit(octet >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(octet & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
