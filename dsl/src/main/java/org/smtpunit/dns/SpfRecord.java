package org.smtpunit.dns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain's SPF policy (RFC 7208), parsed, with every reason it would be a {@code permerror}: no
 * record, several records, a syntax error, or more than 10 DNS-querying terms counted through its
 * includes and redirect. A malformed record is this value with {@link #errors()}, never an
 * exception.
 *
 * <pre>{@code
 * SpfRecord spf = dns.spf("fabrikam.com");
 * assertThat(spf).isValid().hasAllQualifier('-').hasLookupsAtMost(10);
 * }</pre>
 *
 * @param domain the domain looked up
 * @param text the record as published, empty when there is none (or several)
 * @param mechanisms the record's directives in order
 * @param redirect the {@code redirect=} modifier's domain, if any
 * @param lookupCount the DNS-querying terms ({@code include}, {@code a}, {@code mx}, {@code ptr},
 *     {@code exists}, {@code redirect}) of this record and of the records it includes
 * @param errors why the record is a permerror (or missing); empty when it is valid
 */
public record SpfRecord(
    String domain,
    String text,
    List<SpfMechanism> mechanisms,
    Optional<String> redirect,
    int lookupCount,
    List<String> errors) {

  /** RFC 7208 §4.6.4: at most 10 DNS-querying terms. */
  public static final int MAX_LOOKUPS = 10;

  /** Validates and copies the values. */
  public SpfRecord {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(text, "text");
    mechanisms = List.copyOf(mechanisms);
    Objects.requireNonNull(redirect, "redirect");
    errors = List.copyOf(errors);
  }

  /** Returns the qualifier of the {@code all} mechanism, empty when the record has none. */
  public Optional<Character> allQualifier() {
    return mechanisms.stream()
        .filter(m -> m.name().equals("all"))
        .map(SpfMechanism::qualifier)
        .findFirst();
  }

  /** Returns whether the record exists and has no error. */
  public boolean isValid() {
    return errors.isEmpty();
  }

  @Override
  public String toString() {
    return domain
        + " SPF ["
        + text
        + "], "
        + lookupCount
        + " lookups"
        + (errors.isEmpty() ? "" : ", errors " + errors);
  }
}
