package org.smtpunit.dns;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain's MTA-STS policy (RFC 8461): the {@code _mta-sts} TXT record's id and the policy file
 * fetched over HTTPS, with what is wrong with either. A missing or malformed record or policy is
 * this value with {@link #errors()}, never an exception. Get one from {@link MtaSts#lookup(Dns,
 * String)}.
 *
 * <pre>{@code
 * MtaStsPolicy sts = MtaSts.lookup(dns, "fabrikam.com");
 * assertThat(sts).isEnforcing().permits("mail1.fabrikam.com");
 * }</pre>
 *
 * @param domain the policy domain
 * @param id the TXT record's {@code id=}, empty when there is no usable record
 * @param mode {@code enforce}, {@code testing} or {@code none}; empty when the policy has none
 * @param mxPatterns the {@code mx:} lines, e.g. {@code mail1.fabrikam.com} or {@code
 *     *.fabrikam.com}
 * @param maxAge {@code max_age}, empty when missing or invalid
 * @param errors what makes the record or policy unusable; empty when both are valid
 */
public record MtaStsPolicy(
    String domain,
    Optional<String> id,
    Optional<String> mode,
    List<String> mxPatterns,
    Optional<Duration> maxAge,
    List<String> errors) {

  /** Validates and copies the values. */
  public MtaStsPolicy {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(mode, "mode");
    mxPatterns = List.copyOf(mxPatterns);
    Objects.requireNonNull(maxAge, "maxAge");
    errors = List.copyOf(errors);
  }

  /** Returns whether the record and the policy were found and have no error. */
  public boolean isValid() {
    return errors.isEmpty();
  }

  /** Returns whether the policy is valid and its mode is {@code enforce}. */
  public boolean isEnforcing() {
    return isValid() && mode.filter("enforce"::equals).isPresent();
  }

  /**
   * Returns whether a sender may deliver to this MX host under the policy: the host matches an
   * {@code mx} pattern, where {@code *.} stands for exactly one leftmost label (RFC 8461 §4.1).
   */
  public boolean permits(String mxHost) {
    String host = strip(HostNames.toAscii(Objects.requireNonNull(mxHost, "mxHost")));
    for (String pattern : mxPatterns) {
      String p = strip(pattern);
      if (p.startsWith("*.")) {
        int dot = host.indexOf('.');
        if (dot > 0 && host.substring(dot + 1).equals(p.substring(2))) {
          return true;
        }
      } else if (p.equals(host)) {
        return true;
      }
    }
    return false;
  }

  private static String strip(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  @Override
  public String toString() {
    return domain
        + " MTA-STS id="
        + id.orElse("?")
        + " mode="
        + mode.orElse("?")
        + " mx="
        + mxPatterns
        + maxAge.map(a -> " max_age=" + a.toSeconds()).orElse("")
        + (errors.isEmpty() ? "" : ", errors " + errors);
  }
}
