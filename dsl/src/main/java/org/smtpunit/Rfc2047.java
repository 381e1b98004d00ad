package org.smtpunit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.smtpunit.internal.Wire;

/**
 * RFC 2047 encoded-words for non-ASCII header text: {@code =?UTF-8?B?...?=}, each word at most 75
 * characters (§2), words folded onto continuation lines, never splitting a character.
 */
final class Rfc2047 {

  private static final String PREFIX = "=?UTF-8?B?";
  private static final String SUFFIX = "?=";

  /** 75 characters per word minus the frame leaves 63 Base64 characters, 45 octets (§2). */
  private static final int MAX_OCTETS = 45;

  private Rfc2047() {}

  static String encode(String text) {
    if (Wire.isAscii(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int start = 0;
    while (start < text.length()) {
      int end = start;
      int octets = 0;
      while (end < text.length()) {
        int cp = text.codePointAt(end);
        int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
        if (octets + size > MAX_OCTETS) {
          break;
        }
        octets += size;
        end += Character.charCount(cp);
      }
      if (out.length() > 0) {
        out.append("\r\n ");
      }
      byte[] chunk = text.substring(start, end).getBytes(StandardCharsets.UTF_8);
      out.append(PREFIX).append(Base64.getEncoder().encodeToString(chunk)).append(SUFFIX);
      start = end;
    }
    return out.toString();
  }

  /**
   * RFC 5322 §3.4 mailbox: a display name that is not ASCII becomes RFC 2047 encoded words (§5: an
   * encoded word may replace a phrase, never a quoted string); the address stays as given, and so
   * does a mailbox without a display name.
   */
  static String mailbox(String value) {
    int open = value.lastIndexOf('<');
    if (open <= 0 || !value.endsWith(">")) {
      return value;
    }
    String name = value.substring(0, open).trim();
    if (Wire.isAscii(name)) {
      return value;
    }
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1).replace("\\\"", "\"");
    }
    return encode(name) + " " + value.substring(open);
  }
}
