/**
 * AssertJ assertions for SmtpUnit values: {@link org.smtpunit.assertions.SmtpAssertions} is the
 * entry point ({@code assertThat} for replies, EHLO replies, transcripts, MX records, TLS
 * information, probes, connect failures and received messages), {@link
 * org.smtpunit.assertions.SmtpSoftAssertions} collects failures instead of stopping at the first.
 */
package org.smtpunit.assertions;
