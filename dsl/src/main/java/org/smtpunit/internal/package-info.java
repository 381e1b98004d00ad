/**
 * Helpers shared by the SmtpUnit modules: host and port parsing, duration parsing, TLS version
 * order, transcript excerpts, the checks that keep CR, LF and NUL off the wire, the CRAM-MD5 digest
 * and the wording of too few arrived messages.
 *
 * <p>Not API: nothing here is covered by compatibility guarantees, and any class may change or go
 * without notice. Tests and applications should use {@code org.smtpunit} and its other packages.
 */
package org.smtpunit.internal;
