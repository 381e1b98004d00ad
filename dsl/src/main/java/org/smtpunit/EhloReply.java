package org.smtpunit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The reply to EHLO and the ESMTP capabilities it advertises (RFC 5321 §4.1.1.1): each line after
 * the first is a keyword and its parameters, such as {@code SIZE 36700160} or {@code AUTH PLAIN
 * LOGIN}.
 *
 * <pre>{@code
 * EhloReply ehlo = smtp.ehlo("contoso.com");
 * ehlo.supports("starttls");          // case-insensitive
 * ehlo.maxSize();                     // OptionalLong[36700160]
 * ehlo.authMechanisms();              // [PLAIN, LOGIN]
 * assertThat(ehlo).isSuccess().supports("PIPELINING");
 * }</pre>
 *
 * @param reply the reply as received
 */
public record EhloReply(SmtpReply reply) {

  /** Validates the reply. */
  public EhloReply {
    Objects.requireNonNull(reply, "reply");
  }

  /** Returns the reply code. */
  public int code() {
    return reply.code();
  }

  /** Returns the advertised keywords in upper case, in the server's order. */
  public Set<String> keywords() {
    return Collections.unmodifiableSet(capabilities().keySet());
  }

  /** Returns whether the server advertises the keyword, compared case-insensitively. */
  public boolean supports(String keyword) {
    return capabilities().containsKey(keyword.toUpperCase(Locale.ROOT));
  }

  /** Returns the parameters advertised with the keyword, empty if none or not advertised. */
  public List<String> parameters(String keyword) {
    return capabilities().getOrDefault(keyword.toUpperCase(Locale.ROOT), List.of());
  }

  /**
   * Returns the maximum message size from {@code SIZE n} (RFC 1870); empty when SIZE is not
   * advertised, has no number, or advertises {@code 0} (no fixed limit).
   */
  public OptionalLong maxSize() {
    List<String> size = parameters("SIZE");
    if (size.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long value = Long.parseLong(size.get(0));
      return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Returns the SASL mechanisms from the AUTH keyword, upper case. */
  public Set<String> authMechanisms() {
    Set<String> mechanisms = new LinkedHashSet<>();
    for (String mechanism : parameters("AUTH")) {
      mechanisms.add(mechanism.toUpperCase(Locale.ROOT));
    }
    return Collections.unmodifiableSet(mechanisms);
  }

  /** Returns the text of the first line, usually the server's name and a greeting. */
  public Optional<String> serverGreeting() {
    return Optional.of(reply.lines().get(0)).filter(line -> !line.isEmpty());
  }

  private Map<String, List<String>> capabilities() {
    Map<String, List<String>> capabilities = new LinkedHashMap<>();
    if (!reply.isPositiveCompletion()) {
      return capabilities;
    }
    List<String> lines = reply.lines();
    // Plain loops, no regular expression or lambda: the first supports(...) of a cold JVM (during
    // open, under TlsMode.STARTTLS) would compile and spin them.
    for (int i = 1; i < lines.size(); i++) {
      List<String> words = words(lines.get(i).trim());
      if (words.isEmpty()) {
        continue;
      }
      String keyword = words.get(0).toUpperCase(Locale.ROOT);
      List<String> params = new ArrayList<>();
      // Old servers advertise "AUTH=LOGIN PLAIN" besides "AUTH LOGIN PLAIN".
      int eq = keyword.indexOf('=');
      if (eq > 0) {
        params.add(words.get(0).substring(eq + 1));
        keyword = keyword.substring(0, eq);
      }
      params.addAll(words.subList(1, words.size()));
      List<String> known = capabilities.get(keyword);
      if (known != null) {
        List<String> merged = new ArrayList<>(known);
        for (String param : params) {
          if (!merged.contains(param)) {
            merged.add(param);
          }
        }
        params = merged;
      }
      capabilities.put(keyword, List.copyOf(params));
    }
    return capabilities;
  }

  /** The words of a trimmed line, as {@code line.split("\\s+")} splits them. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= line.length(); i++) {
      boolean space = i == line.length() || isSpace(line.charAt(i));
      if (space && start >= 0) {
        words.add(line.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return words;
  }

  /** The white space of the regular expression {@code \s}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** Returns the reply as on the wire. */
  @Override
  public String toString() {
    return reply.toString();
  }
}
