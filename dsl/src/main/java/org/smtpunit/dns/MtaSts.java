package org.smtpunit.dns;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks up a domain's MTA-STS policy (RFC 8461): the {@code _mta-sts.domain} TXT record, then
 * {@code https://mta-sts.domain/.well-known/mta-sts.txt} with the JDK's HTTP client and its normal
 * certificate checks, redirects not followed (§3.3).
 *
 * <pre>{@code
 * MtaStsPolicy sts = MtaSts.lookup(Dns.systemDefault(), "fabrikam.com");
 * }</pre>
 */
public final class MtaSts {

  /** RFC 8461 §3.2: the largest max_age, one year. */
  private static final long MAX_AGE_SECONDS = 31_557_600;

  /** RFC 8461 §3.3: policy bodies larger than this should be refused. */
  private static final int MAX_BODY_OCTETS = 64 * 1024;

  private MtaSts() {}

  /**
   * Looks up the policy with a fresh HTTP client (the DNS timeout also bounds the HTTPS fetch).
   *
   * @throws DnsLookupException when the TXT lookup fails (SERVFAIL, REFUSED, timeout, network)
   */
  public static MtaStsPolicy lookup(Dns dns, String domain) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(dns.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return lookup(dns, domain, client);
  }

  /**
   * Looks up the policy fetching it with this client (e.g. one with a proxy or another trust
   * store). Redirects are never followed, whatever the client is configured to do.
   *
   * @throws DnsLookupException when the TXT lookup fails (SERVFAIL, REFUSED, timeout, network)
   */
  public static MtaStsPolicy lookup(Dns dns, String domain, HttpClient client) {
    Objects.requireNonNull(dns, "dns");
    Objects.requireNonNull(client, "client");
    String name = HostNames.toAscii(Objects.requireNonNull(domain, "domain"));
    String policyDomain = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    List<String> errors = new ArrayList<>();
    Optional<String> id = id(dns, policyDomain, errors);
    if (id.isEmpty()) {
      return new MtaStsPolicy(
          policyDomain, id, Optional.empty(), List.of(), Optional.empty(), errors);
    }
    URI uri = URI.create("https://mta-sts." + policyDomain + "/.well-known/mta-sts.txt");
    Optional<String> body = fetch(client, uri, dns.timeout(), errors);
    if (body.isEmpty()) {
      return new MtaStsPolicy(
          policyDomain, id, Optional.empty(), List.of(), Optional.empty(), errors);
    }
    return parse(policyDomain, id, body.get(), errors);
  }

  private static Optional<String> id(Dns dns, String domain, List<String> errors) {
    List<String> records =
        dns.txt("_mta-sts." + domain).stream()
            .filter(t -> t.replace(" ", "").startsWith("v=STSv1"))
            .toList();
    if (records.isEmpty()) {
      errors.add("No MTA-STS record at _mta-sts." + domain + ": no TXT record starts with v=STSv1");
      return Optional.empty();
    }
    if (records.size() > 1) {
      errors.add(
          records.size()
              + " MTA-STS records at _mta-sts."
              + domain
              + ", RFC 8461 §3.1 allows one: "
              + records);
      return Optional.empty();
    }
    for (String field : records.get(0).split(";")) {
      String trimmed = field.trim();
      if (trimmed.startsWith("id=")) {
        String id = trimmed.substring(3).trim();
        if (id.matches("[A-Za-z0-9]{1,32}")) {
          return Optional.of(id);
        }
        errors.add("The id [" + id + "] is not 1 to 32 letters and digits (RFC 8461 §3.1)");
        return Optional.empty();
      }
    }
    errors.add("The MTA-STS record [" + records.get(0) + "] has no id= field (RFC 8461 §3.1)");
    return Optional.empty();
  }

  private static Optional<String> fetch(
      HttpClient client, URI uri, Duration timeout, List<String> errors) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      errors.add("The policy could not be fetched from " + uri + ": " + e);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      errors.add("Interrupted while fetching " + uri);
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      errors.add(
          uri
              + " answered HTTP "
              + response.statusCode()
              + "; RFC 8461 §3.3 requires 200 (redirects are not followed)");
      return Optional.empty();
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
      errors.add(uri + " has Content-Type [" + type + "]; RFC 8461 §3.2 requires text/plain");
    }
    if (response.body().length > MAX_BODY_OCTETS) {
      errors.add(
          uri
              + " sent "
              + response.body().length
              + " octets, more than the 64 KiB a policy may hold");
      return Optional.empty();
    }
    return Optional.of(new String(response.body(), StandardCharsets.UTF_8));
  }

  /** RFC 8461 §3.2: key/value lines, CRLF or LF. */
  static MtaStsPolicy parse(String domain, Optional<String> id, String body, List<String> errors) {
    Optional<String> version = Optional.empty();
    Optional<String> mode = Optional.empty();
    Optional<Duration> maxAge = Optional.empty();
    List<String> mx = new ArrayList<>();
    for (String line : body.split("\r?\n")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        errors.add("Policy line [" + line + "] is not key: value");
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "version" -> version = Optional.of(value);
        case "mode" -> {
          if (value.equals("enforce") || value.equals("testing") || value.equals("none")) {
            mode = Optional.of(value);
          } else {
            errors.add("mode: " + value + " is not enforce, testing or none");
          }
        }
        case "mx" -> mx.add(value);
        case "max_age" -> {
          if (value.matches("\\d{1,10}") && Long.parseLong(value) <= MAX_AGE_SECONDS) {
            maxAge = Optional.of(Duration.ofSeconds(Long.parseLong(value)));
          } else {
            errors.add("max_age: " + value + " is not 0 to " + MAX_AGE_SECONDS + " seconds");
          }
        }
        default -> {
          // RFC 8461 §3.2: unknown fields are ignored.
        }
      }
    }
    if (!version.filter("STSv1"::equals).isPresent()) {
      errors.add("The policy has no \"version: STSv1\" line");
    }
    if (mode.isEmpty() && errors.stream().noneMatch(e -> e.startsWith("mode:"))) {
      errors.add("The policy has no mode line");
    }
    if (maxAge.isEmpty() && errors.stream().noneMatch(e -> e.startsWith("max_age:"))) {
      errors.add("The policy has no max_age line");
    }
    if (mx.isEmpty() && !mode.filter("none"::equals).isPresent()) {
      errors.add("The policy names no mx pattern, so no MX host is permitted");
    }
    return new MtaStsPolicy(domain, id, mode, mx, maxAge, errors);
  }
}
