/**
 * Step 2 of the walkthrough: DNS lookups over the real wire protocol. {@link org.smtpunit.dns.Dns}
 * resolves MX records (with each exchanger's addresses), addresses and reverse names; {@link
 * org.smtpunit.dns.MxRecords} is what {@code SmtpClient.open(MxRecords)} connects to; {@link
 * org.smtpunit.dns.DnsLookupException} says why a lookup failed.
 */
package org.smtpunit.dns;
