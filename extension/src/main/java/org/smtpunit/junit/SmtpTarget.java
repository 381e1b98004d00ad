package org.smtpunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smtpunit.TlsMode;
import org.smtpunit.stub.Persona;

/**
 * Names the SMTP server a test class or method talks to, and lets test methods declare an {@link
 * org.smtpunit.SmtpSession} (connected, greeting read), an {@link org.smtpunit.SmtpClient}
 * (configured for the target), {@link org.smtpunit.dns.MxRecords} (with {@link #mx()}), {@link
 * EmbeddedMailServer} (with no target), {@link org.smtpunit.Credentials} (when configured) or
 * {@link org.smtpunit.stub.SmtpStub} (one per test, see {@link #stub()}).
 *
 * <pre>{@code
 * @SmtpTarget("mail1.fabrikam.com")
 * class FabrikamInboundTest {
 *   @Test
 *   void acceptsMailForKate(SmtpSession smtp) {
 *     assertThat(smtp.ehlo("contoso.com")).isSuccess().hasCode(250);
 *   }
 * }
 * }</pre>
 *
 * <p>With no target ({@code @SmtpTarget} alone) the session goes to an embedded GreenMail server,
 * one per test class, on an ephemeral loopback port. On a method it wins over the class; {@code
 * Nested} classes inherit their outer class's target; it works as a meta-annotation.
 *
 * <p>Configuration parameters (JUnit's: {@code -D} or {@code junit-platform.properties}) override
 * the annotation so one suite can target many environments:
 *
 * <ul>
 *   <li>{@code smtpunit.target}: {@code host} or {@code host:port} ({@code [::1]:2525} for IPv6)
 *   <li>{@code smtpunit.mx}: a domain to resolve by MX
 *   <li>{@code smtpunit.tls}: {@code none}, {@code starttls}, {@code starttls_if_offered}, {@code
 *       implicit}
 *   <li>{@code smtpunit.timeout.connect}, {@code smtpunit.timeout.reply}: {@code 20s}, {@code
 *       500ms}, {@code 2m} or ISO-8601 {@code PT20S} (defaults 20 s and 60 s)
 *   <li>{@code smtpunit.dns.server}: {@code host[:port]} for MX lookups (default: the machine's)
 *   <li>{@code smtpunit.auth.username}, {@code smtpunit.auth.password} (or the environment variable
 *       {@code SMTPUNIT_AUTH_PASSWORD}): injected as {@code Credentials}, never printed
 *   <li>{@code smtpunit.tls.trust-any}: {@code true} to accept any certificate (lab servers)
 *   <li>{@code smtpunit.transcripts.dir}: where transcripts go (default {@code target/smtpunit})
 * </ul>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(SmtpExtension.class)
public @interface SmtpTarget {

  /** {@code host} or {@code host:port}; empty (the default) for the embedded server. */
  String value() default "";

  /** The port when {@link #value()} has none (default 25). */
  int port() default 25;

  /** A domain to resolve by MX, connecting to the most preferred exchanger that answers. */
  String mx() default "";

  /** How sessions use TLS (default {@link TlsMode#NONE}). */
  TlsMode tls() default TlsMode.NONE;

  /** Connect timeout, e.g. {@code "20s"}; empty for the client default (20 s). */
  String connectTimeout() default "";

  /** Reply timeout, e.g. {@code "60s"}; empty for the client default (60 s). */
  String replyTimeout() default "";

  /** The name of a static field of the test class holding a Testcontainers container. */
  String container() default "";

  /** The container port to connect to (its mapped port is used; default 25). */
  int containerPort() default 25;

  /**
   * Sends the test's session to a {@link org.smtpunit.stub.SmtpStub} started for the test and
   * closed after it (default {@code false}); it wins over every other target. Declare a {@code
   * SmtpStub} parameter to script it: rules added in the test body apply to the commands sent after
   * them. The injected {@code SmtpClient} trusts the stub's certificate.
   *
   * <pre>{@code
   * @Test
   * @SmtpTarget(stub = true, persona = Persona.EXCHANGE_2013)
   * void full_mailbox_is_transient(SmtpSession smtp, SmtpStub stub) {
   *   stub.on(SmtpVerb.RCPT).reply("452 4.2.2 Mailbox full");
   *   smtp.ehlo("contoso.com");
   *   smtp.mailFrom("chris@contoso.com");
   *   assertThat(smtp.rcptTo("kate@fabrikam.com")).isTransientNegative();
   * }
   * }</pre>
   */
  boolean stub() default false;

  /**
   * Whose replies the test's stub gives (default {@link Persona#ACCEPT_ALL}); also for a {@code
   * SmtpStub} parameter without {@link #stub()}.
   */
  Persona persona() default Persona.ACCEPT_ALL;
}
