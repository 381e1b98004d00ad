package org.smtpunit.dns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Finds and parses SPF records (RFC 7208 §4.5, §4.6, §12) and counts their lookups. */
final class SpfLookup {

  private static final Pattern IP4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IP6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final Pattern MODIFIER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

  private SpfLookup() {}

  static SpfRecord lookup(TxtSource dns, String domain) {
    List<String> errors = new ArrayList<>();
    Optional<String> text = select(dns, domain, errors);
    if (text.isEmpty()) {
      return new SpfRecord(domain, "", List.of(), Optional.empty(), 0, errors);
    }
    Parsed parsed = parse(text.get(), errors);
    Set<String> visited = new HashSet<>();
    visited.add(domain.toLowerCase(Locale.ROOT));
    int lookups = count(dns, parsed, visited, errors, 0);
    if (lookups > SpfRecord.MAX_LOOKUPS) {
      errors.add(
          lookups
              + " DNS-querying terms through includes and redirect, more than the "
              + SpfRecord.MAX_LOOKUPS
              + " RFC 7208 §4.6.4 allows (permerror)");
    }
    return new SpfRecord(domain, text.get(), parsed.mechanisms, parsed.redirect, lookups, errors);
  }

  /** The one SPF record of a domain (RFC 7208 §4.5); errors for none or several. */
  private static Optional<String> select(TxtSource dns, String domain, List<String> errors) {
    List<String> spf =
        dns.txt(domain).stream()
            .filter(t -> t.toLowerCase(Locale.ROOT).matches("v=spf1( .*)?"))
            .toList();
    if (spf.isEmpty()) {
      errors.add("No SPF record at " + domain + ": no TXT record starts with \"v=spf1\"");
      return Optional.empty();
    }
    if (spf.size() > 1) {
      errors.add(
          spf.size()
              + " SPF records at "
              + domain
              + ", RFC 7208 §4.5 allows one (permerror): "
              + spf);
      return Optional.empty();
    }
    return Optional.of(spf.get(0));
  }

  private record Parsed(List<SpfMechanism> mechanisms, Optional<String> redirect) {}

  private static Parsed parse(String text, List<String> errors) {
    List<SpfMechanism> mechanisms = new ArrayList<>();
    Optional<String> redirect = Optional.empty();
    Set<String> modifiers = new HashSet<>();
    String[] terms = text.trim().split(" +");
    for (int i = 1; i < terms.length; i++) {
      String term = terms[i];
      int equals = term.indexOf('=');
      int colon = term.indexOf(':');
      if (equals > 0 && (colon < 0 || equals < colon)) {
        String name = term.substring(0, equals).toLowerCase(Locale.ROOT);
        String value = term.substring(equals + 1);
        if (!MODIFIER_NAME.matcher(name).matches()) {
          errors.add("Syntax error in term [" + term + "]: not a modifier name");
        } else if (!modifiers.add(name) && (name.equals("redirect") || name.equals("exp"))) {
          errors.add("Modifier [" + name + "] appears twice (RFC 7208 §6, permerror)");
        } else if (value.isEmpty() && (name.equals("redirect") || name.equals("exp"))) {
          errors.add("Modifier [" + term + "] names no domain");
        } else if (name.equals("redirect")) {
          redirect = Optional.of(value);
        }
        continue;
      }
      mechanism(term, errors).ifPresent(mechanisms::add);
    }
    return new Parsed(mechanisms, redirect);
  }

  private static Optional<SpfMechanism> mechanism(String term, List<String> errors) {
    char qualifier = '+';
    String rest = term;
    if (!term.isEmpty() && "+-~?".indexOf(term.charAt(0)) >= 0) {
      qualifier = term.charAt(0);
      rest = term.substring(1);
    }
    int split = indexOfAny(rest);
    String name = (split < 0 ? rest : rest.substring(0, split)).toLowerCase(Locale.ROOT);
    String value =
        split < 0
            ? ""
            : rest.charAt(split) == ':' ? rest.substring(split + 1) : rest.substring(split);
    String problem =
        switch (name) {
          case "all" -> value.isEmpty() ? null : "all takes no argument";
          case "include", "exists" -> value.isEmpty() ? name + " needs a domain" : null;
          case "a", "mx" -> null;
          case "ptr" -> value.startsWith("/") ? "ptr takes no prefix length" : null;
          case "ip4" -> address(value, IP4, 32);
          case "ip6" -> address(value, IP6, 128);
          default -> "unknown mechanism";
        };
    if (problem != null) {
      errors.add(
          "Syntax error in term [" + term + "]: " + problem + " (RFC 7208 §4.6.1, permerror)");
      return Optional.empty();
    }
    return Optional.of(new SpfMechanism(qualifier, name, value));
  }

  private static String address(String value, Pattern form, int maxPrefix) {
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    if (!form.matcher(address).matches()) {
      return "not an address [" + address + "]";
    }
    if (slash >= 0) {
      String prefix = value.substring(slash + 1);
      if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > maxPrefix) {
        return "bad prefix length [/" + prefix + "]";
      }
    }
    return null;
  }

  private static int indexOfAny(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ':' || text.charAt(i) == '/') {
        return i;
      }
    }
    return -1;
  }

  /** Counts this record's lookups and those of what it includes, stopping beyond the limit. */
  private static int count(
      TxtSource dns, Parsed parsed, Set<String> visited, List<String> errors, int sofar) {
    int total = sofar;
    List<String> targets = new ArrayList<>();
    for (SpfMechanism mechanism : parsed.mechanisms) {
      if (mechanism.queriesDns()) {
        total++;
        if (mechanism.name().equals("include")) {
          targets.add(mechanism.value());
        }
      }
    }
    if (parsed.redirect.isPresent()) {
      total++;
      targets.add(parsed.redirect.get());
    }
    for (String target : targets) {
      if (total > SpfRecord.MAX_LOOKUPS) {
        break;
      }
      if (target.contains("%") || !visited.add(target.toLowerCase(Locale.ROOT))) {
        // A macro cannot be expanded without a message; a repeated domain is a loop already
        // counted.
        continue;
      }
      List<String> nested = new ArrayList<>();
      Optional<String> text;
      try {
        text = select(dns, target, nested);
      } catch (IllegalArgumentException e) {
        errors.add("Syntax error: [" + target + "] is not a domain name (permerror)");
        continue;
      }
      if (text.isEmpty()) {
        errors.add(
            "The record of " + target + " (included or redirected to) is unusable: " + nested);
        continue;
      }
      total = count(dns, parse(text.get(), new ArrayList<>()), visited, errors, total);
    }
    return total;
  }
}
