package org.smtpunit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Just enough MIME (RFC 2045/2046) to take a multipart message apart: the media type and parameters
 * of a Content-Type field, and the parts between the boundary lines, each with its header fields
 * and its body (base64 decoded when the part says so).
 */
final class MimeParts {

  /** One body part: its header fields and its body. */
  record Part(HeaderFields headers, String body) {

    /** Returns the part's media type, lower case; {@code text/plain} when none is given. */
    String mediaType() {
      return MimeParts.mediaType(headers.first("Content-Type").orElse(""));
    }
  }

  private MimeParts() {}

  /** Splits an entity into header fields and body at the first blank line. */
  static Part entity(String text) {
    int crlf = text.indexOf("\r\n\r\n");
    int lf = text.indexOf("\n\n");
    int end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
    if (end < 0) {
      return new Part(HeaderFields.parse(text), "");
    }
    String body = text.substring(end + (end == crlf ? 4 : 2));
    HeaderFields headers = HeaderFields.parse(text.substring(0, end));
    boolean base64 =
        headers
            .first("Content-Transfer-Encoding")
            .filter(encoding -> encoding.trim().equalsIgnoreCase("base64"))
            .isPresent();
    return new Part(headers, base64 ? decodeBase64(body) : body);
  }

  /** Returns the media type of a Content-Type value, lower case; {@code text/plain} if empty. */
  static String mediaType(String contentType) {
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.isEmpty() ? "text/plain" : type;
  }

  /** Returns the parameters of a Content-Type value, names lower case, quotes removed. */
  static Map<String, String> parameters(String contentType) {
    Map<String, String> parameters = new LinkedHashMap<>();
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    boolean quoted = false;
    for (char c : HeaderFields.withoutComments(contentType).toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        pieces.add(piece.toString());
        piece.setLength(0);
        continue;
      }
      piece.append(c);
    }
    pieces.add(piece.toString());
    for (String parameter : pieces.subList(1, pieces.size())) {
      int equals = parameter.indexOf('=');
      if (equals > 0) {
        String value = parameter.substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        parameters.put(parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT), value);
      }
    }
    return parameters;
  }

  /**
   * Returns the body parts of a multipart body (RFC 2046 §5.1.1): the text between {@code
   * --boundary} lines, up to {@code --boundary--}; preamble and epilogue are dropped.
   */
  static List<Part> multipart(String body, String boundary) {
    List<Part> parts = new ArrayList<>();
    String delimiter = "--" + boundary;
    StringBuilder current = null;
    for (String line : body.split("\r?\n", -1)) {
      String trimmed = line.stripTrailing();
      if (trimmed.equals(delimiter) || trimmed.equals(delimiter + "--")) {
        if (current != null) {
          parts.add(entity(current.toString()));
        }
        if (trimmed.endsWith("--") && !trimmed.equals(delimiter)) {
          return parts;
        }
        current = new StringBuilder();
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    if (current != null) {
      parts.add(entity(current.toString()));
    }
    return parts;
  }

  /** Returns the first part of the given media type. */
  static Optional<Part> first(List<Part> parts, String... mediaTypes) {
    for (Part part : parts) {
      for (String type : mediaTypes) {
        if (part.mediaType().equals(type)) {
          return Optional.of(part);
        }
      }
    }
    return Optional.empty();
  }

  private static String decodeBase64(String body) {
    try {
      return new String(Base64.getMimeDecoder().decode(body.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return body;
    }
  }
}
