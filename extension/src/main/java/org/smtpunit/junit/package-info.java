/**
 * The JUnit 5 extension: {@link org.smtpunit.junit.SmtpTarget} on a test class injects an open
 * {@code SmtpSession}, an {@code SmtpClient}, {@code MxRecords}, {@code Credentials} or the {@link
 * org.smtpunit.junit.EmbeddedMailServer}, configured by the annotation and overridden by
 * configuration parameters; each session is closed and its transcript published after the test.
 */
package org.smtpunit.junit;
