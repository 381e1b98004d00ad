package org.smtpunit.dns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds (DMARCbis tree walk) and parses (RFC 7489 §6.3, §6.4) DMARC records. */
final class DmarcLookup {

  /** DMARCbis §4.10: a walk starts from at most this many labels. */
  private static final int MAX_LABELS = 8;

  private static final Set<String> POLICIES = Set.of("none", "quarantine", "reject");

  private DmarcLookup() {}

  static DmarcRecord lookup(TxtSource dns, String domain) {
    List<String> errors = new ArrayList<>();
    String[] labels = domain.split("\\.");
    // Own domain first, then parents from the longest allowed down to two labels.
    List<String> candidates = new ArrayList<>();
    candidates.add(domain);
    int start = Math.min(labels.length - 1, MAX_LABELS - 1);
    for (int keep = start; keep >= 2; keep--) {
      String parent =
          String.join(".", List.of(labels).subList(labels.length - keep, labels.length));
      if (!candidates.contains(parent)) {
        candidates.add(parent);
      }
    }
    for (String candidate : candidates) {
      List<String> records =
          dns.txt("_dmarc." + candidate).stream()
              .filter(t -> t.replace(" ", "").toLowerCase(Locale.ROOT).startsWith("v=dmarc1"))
              .toList();
      if (records.size() > 1) {
        errors.add(
            records.size()
                + " DMARC records at _dmarc."
                + candidate
                + ", RFC 7489 §6.6.3 allows one: "
                + records);
        return empty(domain, Optional.of(candidate), errors);
      }
      if (records.size() == 1) {
        return parse(domain, candidate, records.get(0), errors);
      }
    }
    errors.add(
        "No DMARC record at _dmarc."
            + domain
            + (candidates.size() > 1
                ? " nor at its parent domains " + candidates.subList(1, candidates.size())
                : "")
            + ": no TXT record starts with \"v=DMARC1\"");
    return empty(domain, Optional.empty(), errors);
  }

  private static DmarcRecord empty(String domain, Optional<String> at, List<String> errors) {
    return new DmarcRecord(
        domain,
        at,
        "",
        Optional.empty(),
        Optional.empty(),
        100,
        List.of(),
        List.of(),
        "r",
        "r",
        errors);
  }

  private static DmarcRecord parse(String domain, String at, String text, List<String> errors) {
    Map<String, String> tags = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    boolean first = true;
    for (String part : text.split(";")) {
      String tag = part.trim();
      if (tag.isEmpty()) {
        continue;
      }
      int equals = tag.indexOf('=');
      if (equals <= 0) {
        errors.add("Syntax error in tag [" + tag + "]: expected name=value");
        continue;
      }
      String name = tag.substring(0, equals).trim().toLowerCase(Locale.ROOT);
      String value = tag.substring(equals + 1).trim();
      if (first && !(name.equals("v") && value.equals("DMARC1"))) {
        errors.add(
            "The record must start with v=DMARC1 (RFC 7489 §6.4), starts with [" + tag + "]");
      }
      first = false;
      if (!seen.add(name)) {
        errors.add("Tag [" + name + "] appears twice");
      }
      tags.put(name, value);
    }
    Optional<String> policy = policy(tags, "p", errors);
    if (policy.isEmpty() && !tags.containsKey("p")) {
      errors.add("The record has no p= tag: the policy is required (RFC 7489 §6.3)");
    }
    Optional<String> subdomain = tags.containsKey("sp") ? policy(tags, "sp", errors) : policy;
    int percent = 100;
    if (tags.containsKey("pct")) {
      String pct = tags.get("pct");
      if (pct.matches("\\d{1,3}") && Integer.parseInt(pct) <= 100) {
        percent = Integer.parseInt(pct);
      } else {
        errors.add("pct=" + pct + " is not a percentage 0 to 100");
      }
    }
    return new DmarcRecord(
        domain,
        Optional.of(at),
        text,
        policy,
        subdomain,
        percent,
        uris(tags, "rua", errors),
        uris(tags, "ruf", errors),
        alignment(tags, "adkim", errors),
        alignment(tags, "aspf", errors),
        errors);
  }

  private static Optional<String> policy(
      Map<String, String> tags, String tag, List<String> errors) {
    String value = tags.get(tag);
    if (value == null) {
      return Optional.empty();
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (!POLICIES.contains(lower)) {
      errors.add(tag + "=" + value + " is not none, quarantine or reject");
      return Optional.empty();
    }
    return Optional.of(lower);
  }

  private static String alignment(Map<String, String> tags, String tag, List<String> errors) {
    String value = tags.getOrDefault(tag, "r").toLowerCase(Locale.ROOT);
    if (!value.equals("r") && !value.equals("s")) {
      errors.add(tag + "=" + value + " is not r (relaxed) or s (strict)");
      return "r";
    }
    return value;
  }

  private static List<String> uris(Map<String, String> tags, String tag, List<String> errors) {
    String value = tags.get(tag);
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    List<String> uris = new ArrayList<>();
    for (String uri : value.split(",")) {
      String trimmed = uri.trim();
      // RFC 7489 §6.2: a URI, optionally followed by "!" and a size limit.
      if (!trimmed.matches("(?i)[a-z][a-z0-9+.-]*:[^!\\s]+(![0-9]+[kmgt]?)?")) {
        errors.add(
            tag + " holds [" + trimmed + "], which is not a URI (e.g. mailto:dmarc@fabrikam.com)");
        continue;
      }
      uris.add(trimmed);
    }
    return List.copyOf(uris);
  }
}
