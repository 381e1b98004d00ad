package org.smtpunit.dns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain's DMARC policy (RFC 7489), parsed, with what is wrong with it. A missing or malformed
 * record is this value with {@link #errors()}, never an exception.
 *
 * <p>The record is looked up at {@code _dmarc.} of the domain, then of each parent domain in turn
 * (never of a top-level domain) until one has a record: the DMARCbis "DNS tree walk", which finds
 * the organizational domain's policy without the public suffix list. {@link #recordDomain()} says
 * where the record was found.
 *
 * <pre>{@code
 * DmarcRecord dmarc = dns.dmarc("fabrikam.com");
 * assertThat(dmarc).isValid().hasPolicy("reject");
 * }</pre>
 *
 * @param domain the domain looked up
 * @param recordDomain the domain whose {@code _dmarc} record was used; equals {@code domain} when
 *     the domain has its own, empty when none was found
 * @param text the record as published, empty when there is none
 * @param policy {@code p=}: {@code none}, {@code quarantine} or {@code reject}; empty when missing
 * @param subdomainPolicy {@code sp=}, or the policy when it is absent
 * @param percent {@code pct=}, 100 when absent
 * @param aggregateReportUris {@code rua=}
 * @param forensicReportUris {@code ruf=}
 * @param dkimAlignment {@code adkim=}: {@code r} (relaxed, the default) or {@code s} (strict)
 * @param spfAlignment {@code aspf=}: {@code r} (relaxed, the default) or {@code s} (strict)
 * @param errors what makes the record unusable or wrong; empty when it is valid
 */
public record DmarcRecord(
    String domain,
    Optional<String> recordDomain,
    String text,
    Optional<String> policy,
    Optional<String> subdomainPolicy,
    int percent,
    List<String> aggregateReportUris,
    List<String> forensicReportUris,
    String dkimAlignment,
    String spfAlignment,
    List<String> errors) {

  /** Validates and copies the values. */
  public DmarcRecord {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(recordDomain, "recordDomain");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(subdomainPolicy, "subdomainPolicy");
    aggregateReportUris = List.copyOf(aggregateReportUris);
    forensicReportUris = List.copyOf(forensicReportUris);
    Objects.requireNonNull(dkimAlignment, "dkimAlignment");
    Objects.requireNonNull(spfAlignment, "spfAlignment");
    errors = List.copyOf(errors);
  }

  /** Returns whether a record was found and has no error. */
  public boolean isValid() {
    return errors.isEmpty();
  }

  /**
   * Returns the policy that applies to mail from {@link #domain()}: {@code p=} when the record is
   * the domain's own, {@code sp=} when it was inherited from a parent domain.
   */
  public Optional<String> effectivePolicy() {
    return recordDomain.filter(domain::equalsIgnoreCase).isPresent() ? policy : subdomainPolicy;
  }

  @Override
  public String toString() {
    return domain
        + " DMARC ["
        + text
        + "]"
        + recordDomain.filter(d -> !d.equalsIgnoreCase(domain)).map(d -> " from " + d).orElse("")
        + (errors.isEmpty() ? "" : ", errors " + errors);
  }
}
