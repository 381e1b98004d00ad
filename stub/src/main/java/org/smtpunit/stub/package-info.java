/**
 * {@link org.smtpunit.stub.SmtpStub}: a scriptable SMTP server for tests. Any reply at any stage
 * ({@link org.smtpunit.stub.SmtpStub#on(SmtpVerb)}), the faults real servers only produce on a bad
 * day ({@link org.smtpunit.stub.Fault}), the replies of Exchange 2013 and Postfix 3.7 ({@link
 * org.smtpunit.stub.Persona}), STARTTLS, implicit TLS and AUTH, and the replay of a recorded
 * transcript ({@link org.smtpunit.stub.SmtpStub#replaying(java.nio.file.Path)}).
 *
 * <pre>{@code
 * try (SmtpStub stub = SmtpStub.start(Persona.EXCHANGE_2013)) {
 *   stub.on(SmtpVerb.RCPT).matching("full@").reply("452 4.2.2 Mailbox full");
 *   mailer.send(stub.host(), stub.port());
 *   assertThat(stub.awaitMessages(1, Duration.ofSeconds(5)).get(0).recipientAddresses())
 *       .containsExactly("kate@fabrikam.com");
 * }
 * }</pre>
 */
package org.smtpunit.stub;
