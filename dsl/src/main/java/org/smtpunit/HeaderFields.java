package org.smtpunit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.smtpunit.internal.Wire;

/**
 * The header fields of a block of RFC 5322 text, in order, each unfolded (continuation lines joined
 * with one space): a message's header section, a MIME part's, or one block of an RFC 3464
 * delivery-status report, which uses the same syntax. Also the rules a message to send must follow
 * in its header section: what a field name may hold, and which fields carry addresses.
 */
final class HeaderFields {

  private static final List<String> ADDRESS_FIELDS =
      List.of("from", "to", "cc", "bcc", "sender", "reply-to");

  private final List<Map.Entry<String, String>> fields;

  private HeaderFields(List<Map.Entry<String, String>> fields) {
    this.fields = fields;
  }

  /** Parses the fields of a block; a line that is neither a field nor a continuation is skipped. */
  static HeaderFields parse(String block) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : block.split("\r?\n", -1)) {
      boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
      if (continuation && name != null) {
        value.append(' ').append(line.trim());
        continue;
      }
      if (name != null) {
        fields.add(Map.entry(name, value.toString()));
        name = null;
      }
      int colon = line.indexOf(':');
      if (colon > 0 && !continuation) {
        name = line.substring(0, colon).trim();
        value.setLength(0);
        value.append(line.substring(colon + 1).trim());
      }
    }
    if (name != null) {
      fields.add(Map.entry(name, value.toString()));
    }
    return new HeaderFields(fields);
  }

  /** Returns the value of every field with that name (case-insensitive), in order. */
  List<String> all(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return fields.stream()
        .filter(field -> field.getKey().toLowerCase(Locale.ROOT).equals(wanted))
        .map(Map.Entry::getValue)
        .toList();
  }

  /** Returns the value of the first field with that name (case-insensitive). */
  Optional<String> first(String name) {
    return all(name).stream().findFirst();
  }

  /**
   * Returns the value with its RFC 5322 comments (parenthesised, possibly nested) removed, quoted
   * strings kept as they are.
   */
  static String withoutComments(String value) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() && (quoted || depth > 0)) {
        if (depth == 0) {
          out.append(c).append(value.charAt(i + 1));
        }
        i++;
      } else if (depth == 0 && c == '"') {
        quoted = !quoted;
        out.append(c);
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')' && depth > 0) {
        depth--;
        if (depth == 0) {
          out.append(' ');
        }
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString().trim();
  }

  /** Returns whether there is no field at all. */
  boolean isEmpty() {
    return fields.isEmpty();
  }

  /**
   * Returns the name of the first From, To, Cc, Bcc, Sender or Reply-To field of a header section
   * whose lines hold non-ASCII characters, as written in the header.
   */
  static Optional<String> utf8AddressField(String header) {
    String[] lines = header.split("\r?\n");
    String field = null;
    for (String line : lines) {
      boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
      if (!continuation) {
        int colon = line.indexOf(':');
        String name = colon < 0 ? "" : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        field = ADDRESS_FIELDS.contains(name) ? line.substring(0, colon) : null;
      }
      if (field != null && !Wire.isAscii(line)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  /**
   * Refuses a field name that is not RFC 5322 §2.2 ftext: printable US-ASCII (33 to 126) except the
   * colon, at least one character.
   *
   * @throws IllegalArgumentException showing the name
   */
  static void requireName(String name) {
    boolean valid = !name.isEmpty();
    for (int i = 0; i < name.length() && valid; i++) {
      char c = name.charAt(i);
      valid = c >= 33 && c <= 126 && c != ':';
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "Header name ["
              + Wire.printable(name)
              + "] must be non-empty printable ASCII without ':' or white space (RFC 5322"
              + " §2.2); nothing was sent");
    }
  }
}
