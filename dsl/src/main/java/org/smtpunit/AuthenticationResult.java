package org.smtpunit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One result of an {@code Authentication-Results:} header field (RFC 8601): what a receiving server
 * concluded about SPF, DKIM, DMARC or another method when the message arrived.
 *
 * <pre>{@code
 * // Authentication-Results: mx.fabrikam.com; spf=pass smtp.mailfrom=contoso.com
 * AuthenticationResult spf = message.authenticationResults().get(0);
 * spf.method();                              // "spf"
 * spf.result();                              // "pass"
 * spf.properties().get("smtp.mailfrom");     // "contoso.com"
 * }</pre>
 *
 * @param authservId the server that evaluated the message (the field's first element)
 * @param method the method, lower case, without version: {@code spf}, {@code dkim}, {@code
 *     dmarc}...
 * @param result the result, lower case: {@code pass}, {@code fail}, {@code softfail}, {@code
 *     none}...
 * @param reason the {@code reason=} text, if given
 * @param properties the {@code ptype.property=value} pairs, e.g. {@code header.d=contoso.com}
 */
public record AuthenticationResult(
    String authservId,
    String method,
    String result,
    Optional<String> reason,
    Map<String, String> properties) {

  /** Validates and copies the values. */
  public AuthenticationResult {
    Objects.requireNonNull(authservId, "authservId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(reason, "reason");
    properties = Map.copyOf(properties);
  }

  /**
   * Reads the results of one {@code Authentication-Results:} field value; a field saying {@code
   * none} (nothing evaluated) or one that cannot be read gives an empty list. Comments are ignored.
   */
  public static List<AuthenticationResult> parse(String value) {
    List<String> parts = split(HeaderFields.withoutComments(value), ';');
    List<AuthenticationResult> results = new ArrayList<>();
    if (parts.isEmpty()) {
      return results;
    }
    String authservId = parts.get(0).trim().split("\\s+")[0];
    for (String part : parts.subList(1, parts.size())) {
      // RFC 8601 §2.2 allows CFWS around '=' and '.': close it up before splitting on spaces.
      List<String> tokens = split(closeUp(part.trim()), ' ');
      if (tokens.isEmpty() || tokens.get(0).indexOf('=') < 0) {
        continue;
      }
      String[] methodspec = tokens.get(0).split("=", 2);
      String method = methodspec[0].split("/", 2)[0].toLowerCase(Locale.ROOT);
      Optional<String> reason = Optional.empty();
      Map<String, String> properties = new LinkedHashMap<>();
      for (String token : tokens.subList(1, tokens.size())) {
        int equals = token.indexOf('=');
        if (equals <= 0) {
          continue;
        }
        String key = token.substring(0, equals).toLowerCase(Locale.ROOT);
        String text = unquote(token.substring(equals + 1));
        if (key.equals("reason")) {
          reason = Optional.of(text);
        } else {
          properties.putIfAbsent(key, text);
        }
      }
      results.add(
          new AuthenticationResult(
              authservId,
              method,
              unquote(methodspec[1]).toLowerCase(Locale.ROOT),
              reason,
              properties));
    }
    return results;
  }

  /** Splits on the separator outside quoted strings, dropping empty pieces. */
  private static List<String> split(String text, char separator) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == separator && !quoted) {
        add(pieces, piece);
      } else {
        piece.append(c);
      }
    }
    add(pieces, piece);
    return pieces;
  }

  /** Removes the white space around '=' and '.' outside quoted strings. */
  private static String closeUp(String text) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      boolean joint = c == '=' || c == '.';
      if (!quoted && joint) {
        while (out.length() > 0 && Character.isWhitespace(out.charAt(out.length() - 1))) {
          out.setLength(out.length() - 1);
        }
        out.append(c);
        while (i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))) {
          i++;
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void add(List<String> pieces, StringBuilder piece) {
    if (!piece.toString().isBlank()) {
      pieces.add(piece.toString());
    }
    piece.setLength(0);
  }

  private static String unquote(String text) {
    return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
        ? text.substring(1, text.length() - 1).replaceAll("\\\\(.)", "$1")
        : text;
  }
}
