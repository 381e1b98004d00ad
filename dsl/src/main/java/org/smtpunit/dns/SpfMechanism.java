package org.smtpunit.dns;

import java.util.Objects;

/**
 * One directive of an SPF record (RFC 7208 §4.6.2): its qualifier, the mechanism and its argument,
 * e.g. {@code -all} or {@code ~include:_spf.contoso.com}.
 *
 * <pre>{@code
 * SpfMechanism all = dns.spf("fabrikam.com").mechanisms().get(2); // qualifier '-', name "all"
 * }</pre>
 *
 * @param qualifier {@code +} (pass, the default), {@code -} (fail), {@code ~} (softfail) or {@code
 *     ?} (neutral)
 * @param name the mechanism in lower case: {@code all}, {@code include}, {@code a}, {@code mx},
 *     {@code ptr}, {@code ip4}, {@code ip6} or {@code exists}
 * @param value what follows the name ({@code :domain}, {@code /cidr}), without the colon; empty
 *     when there is none
 */
public record SpfMechanism(char qualifier, String name, String value) {

  /**
   * Validates the values.
   *
   * @throws IllegalArgumentException for an unknown qualifier
   */
  public SpfMechanism {
    if ("+-~?".indexOf(qualifier) < 0) {
      throw new IllegalArgumentException("Not an SPF qualifier [" + qualifier + "]");
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /** Returns whether evaluating this mechanism queries DNS (RFC 7208 §4.6.4). */
  public boolean queriesDns() {
    return switch (name) {
      case "include", "a", "mx", "ptr", "exists" -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    String argument = value.isEmpty() ? "" : value.startsWith("/") ? value : ":" + value;
    return qualifier + name + argument;
  }
}
