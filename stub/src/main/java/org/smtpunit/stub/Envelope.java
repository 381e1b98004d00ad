package org.smtpunit.stub;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The path and parameters of a MAIL FROM or RCPT TO argument: {@code <chris@contoso.com> SIZE=1000}
 * or the walkthrough's bracket-less {@code chris@contoso.com}.
 *
 * @param address the address without angle brackets; empty for the null path {@code <>}
 * @param parameters the ESMTP parameters, keyword upper-cased to value (empty when none)
 * @param wellFormed whether the path is a syntactically plausible mailbox (or {@code <>})
 */
record Envelope(String address, Map<String, String> parameters, boolean wellFormed) {

  private static final Pattern MAILBOX = Pattern.compile("[^<>@\\s]+@[^<>@\\s]+");

  static Envelope parse(String argument) {
    String path;
    String rest;
    boolean bracketsOk = true;
    if (argument.startsWith("<")) {
      int close = argument.indexOf('>');
      if (close < 0) {
        path = argument.substring(1);
        rest = "";
        bracketsOk = false;
      } else {
        path = argument.substring(1, close);
        rest = argument.substring(close + 1);
      }
    } else {
      int space = argument.indexOf(' ');
      path = space < 0 ? argument : argument.substring(0, space);
      rest = space < 0 ? "" : argument.substring(space);
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String word : rest.trim().split(" +")) {
      if (!word.isEmpty()) {
        int equals = word.indexOf('=');
        String keyword = equals < 0 ? word : word.substring(0, equals);
        parameters.put(
            keyword.toUpperCase(Locale.ROOT), equals < 0 ? "" : word.substring(equals + 1));
      }
    }
    boolean wellFormed =
        bracketsOk
            && (path.isEmpty() && argument.startsWith("<") || MAILBOX.matcher(path).matches());
    return new Envelope(path, parameters, wellFormed);
  }

  /** Returns the domain after the last {@code @}, lower-cased; empty when there is none. */
  String domain() {
    int at = address.lastIndexOf('@');
    return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  /** Returns the local part before the last {@code @}, lower-cased. */
  String localPart() {
    int at = address.lastIndexOf('@');
    return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
  }
}
