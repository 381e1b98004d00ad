/**
 * The SMTP conversation as values and one session: {@link org.smtpunit.SmtpClient} opens an {@link
 * org.smtpunit.SmtpSession} (by host, by MX, or as a probe), whose methods are the lines of the
 * telnet walkthrough and return {@link org.smtpunit.SmtpReply} values to assert on; {@link
 * org.smtpunit.MailMessage}, the ESMTP parameters, {@link org.smtpunit.Transcript}, TLS and AUTH
 * settings, and the exceptions rooted at {@link org.smtpunit.SmtpException} for a conversation that
 * breaks.
 *
 * <pre>{@code
 * try (SmtpSession smtp = SmtpClient.defaults().open("mail1.fabrikam.com", 25)) {
 *   assertThat(smtp.ehlo("contoso.com")).isSuccess();
 * }
 * }</pre>
 */
package org.smtpunit;
