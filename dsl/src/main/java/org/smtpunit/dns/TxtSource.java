package org.smtpunit.dns;

import java.util.List;

/**
 * Reads the TXT strings of a name: all that the SPF and DMARC lookups need of the resolver, so that
 * they depend on this and the resolver on them, not on each other.
 */
@FunctionalInterface
interface TxtSource {

  /**
   * Returns the TXT strings of the name, empty when it has none.
   *
   * @throws DnsLookupException when the lookup fails
   */
  List<String> txt(String name);
}
