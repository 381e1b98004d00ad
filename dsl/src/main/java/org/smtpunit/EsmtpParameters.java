package org.smtpunit;

import java.util.Optional;
import org.smtpunit.internal.Wire;

/** Validation shared by {@link MailParameter} and {@link RcptParameter} (RFC 5321 §4.1.2). */
final class EsmtpParameters {

  private EsmtpParameters() {}

  /** {@code esmtp-keyword = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-")}. */
  static String keyword(String keyword) {
    Wire.requireSafe("ESMTP parameter keyword", keyword);
    boolean valid = !keyword.isEmpty() && isAlnum(keyword.charAt(0));
    for (int i = 1; valid && i < keyword.length(); i++) {
      valid = isAlnum(keyword.charAt(i)) || keyword.charAt(i) == '-';
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "ESMTP parameter keyword ["
              + keyword
              + "] is not letters, digits and '-' starting with a letter or digit");
    }
    return keyword;
  }

  /** {@code esmtp-value = 1*(%d33-60 / %d62-126)}: no space, no '=', no control characters. */
  static Optional<String> value(String keyword, Optional<String> value) {
    if (value.isEmpty()) {
      return value;
    }
    String text = Wire.requireSafe("Value of ESMTP parameter " + keyword, value.get());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 33 || c > 126 || c == '=') {
        throw new IllegalArgumentException(
            "Value of ESMTP parameter "
                + keyword
                + " ["
                + Wire.printable(text)
                + "] holds ["
                + c
                + "] at index "
                + i
                + ": esmtp-value allows printable US-ASCII except '=' and space (use xtext for"
                + " other text)");
      }
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException("Value of ESMTP parameter " + keyword + " is empty");
    }
    return value;
  }

  static String render(String keyword, Optional<String> value) {
    return value.map(v -> keyword + "=" + v).orElse(keyword);
  }

  private static boolean isAlnum(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
