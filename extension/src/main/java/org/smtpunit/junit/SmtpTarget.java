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
 * <p>With no target ({@code @SmtpTarget} alone) the session goes to an embedded GreenMail server on
 * an ephemeral loopback port; each test sees only the mail its own sessions delivered. On a method
 * it wins over the class; {@code Nested} classes inherit their outer class's target; it works as a
 * meta-annotation.
 *
 * <p>Configuration parameters (JUnit's: {@code -D} or {@code junit-platform.properties}) override
 * the annotation so one suite can target many environments while keeping its shape: {@value
 * #TARGET_PROPERTY_NAME} replaces the host of every class that names one (or has none) and its port
 * only when it gives one; classes with {@link #mx()} follow {@value #MX_PROPERTY_NAME} only; a
 * class with a {@link #name()} follows {@code smtpunit.target.<name>} first. The keys are the
 * {@code *_PROPERTY_NAME} constants below. A bad value fails with a message naming the key.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(SmtpExtension.class)
public @interface SmtpTarget {

  /**
   * {@code host} or {@code host:port} ({@code [::1]:2525} for IPv6): replaces the host of every
   * class that names a host or none; its port only when it gives one.
   */
  String TARGET_PROPERTY_NAME = "smtpunit.target";

  /**
   * Prefix of a named target's key: {@code smtpunit.target.submission=host[:port]} overrides
   * {@code @SmtpTarget(value = ..., name = "submission")} and wins over {@value
   * #TARGET_PROPERTY_NAME} for it.
   */
  String NAMED_TARGET_PROPERTY_PREFIX = "smtpunit.target.";

  /** A domain to resolve by MX, for classes that connect by {@link #mx()} or name no target. */
  String MX_PROPERTY_NAME = "smtpunit.mx";

  /** {@code none}, {@code starttls}, {@code starttls_if_offered} or {@code implicit}. */
  String TLS_PROPERTY_NAME = "smtpunit.tls";

  /** {@code true} accepts any certificate (lab servers only; every transcript says so). */
  String TLS_TRUST_ANY_PROPERTY_NAME = "smtpunit.tls.trust-any";

  /** PEM files of certificates to trust, comma-separated ({@code classpath:} for a resource). */
  String TLS_CERTIFICATE_PROPERTY_NAME = "smtpunit.tls.certificate";

  /** A PKCS12 or JKS trust store to trust instead of the JDK's. */
  String TLS_TRUST_STORE_PROPERTY_NAME = "smtpunit.tls.trust-store";

  /**
   * The trust store's password; also from the environment variable {@value
   * #TRUST_STORE_PASSWORD_VARIABLE}.
   */
  String TLS_TRUST_STORE_PASSWORD_PROPERTY_NAME = "smtpunit.tls.trust-store.password";

  /** The environment variable holding the trust store's password. */
  String TRUST_STORE_PASSWORD_VARIABLE = "SMTPUNIT_TRUST_STORE_PASSWORD";

  /** The name the server's certificate must match (when the target is an IP address). */
  String TLS_HOST_NAME_PROPERTY_NAME = "smtpunit.tls.host-name";

  /**
   * The name in the EHLO the extension sends itself (under STARTTLS); default {@code localhost}.
   */
  String EHLO_PROPERTY_NAME = "smtpunit.ehlo";

  /** Connect timeout: {@code 20s}, {@code 1.5s}, {@code 500ms}, {@code 2m} or {@code PT20S}. */
  String CONNECT_TIMEOUT_PROPERTY_NAME = "smtpunit.timeout.connect";

  /** Reply timeout: {@code 60s}, {@code 0.5m}, {@code 500ms} or {@code PT60S}. */
  String REPLY_TIMEOUT_PROPERTY_NAME = "smtpunit.timeout.reply";

  /** {@code host[:port]} of the DNS server for MX lookups (default: the machine's). */
  String DNS_SERVER_PROPERTY_NAME = "smtpunit.dns.server";

  /** The AUTH user name, injected as {@code Credentials}. */
  String AUTH_USERNAME_PROPERTY_NAME = "smtpunit.auth.username";

  /**
   * The AUTH password; better from the environment variable {@value #AUTH_PASSWORD_VARIABLE}. It
   * never appears in any output.
   */
  String AUTH_PASSWORD_PROPERTY_NAME = "smtpunit.auth.password";

  /** The environment variable holding the AUTH password. */
  String AUTH_PASSWORD_VARIABLE = "SMTPUNIT_AUTH_PASSWORD";

  /**
   * {@code true}: every injected session authenticates with the configured credentials (EHLO with
   * {@value #EHLO_PROPERTY_NAME}, then AUTH PLAIN or LOGIN) before the test gets it.
   */
  String AUTH_SESSIONS_PROPERTY_NAME = "smtpunit.auth.sessions";

  /** Where each test's transcripts go (default {@code target/smtpunit}). */
  String TRANSCRIPTS_DIR_PROPERTY_NAME = "smtpunit.transcripts.dir";

  /** {@code host} or {@code host:port}; empty (the default) for the embedded server. */
  String value() default "";

  /** The port when {@link #value()} has none (default 25). */
  int port() default 25;

  /**
   * The target's name for configuration: {@code smtpunit.target.<name>} overrides it (default
   * none).
   */
  String name() default "";

  /** A domain to resolve by MX, connecting to the most preferred exchanger that answers. */
  String mx() default "";

  /** How sessions use TLS (default {@link TlsMode#NONE}). */
  TlsMode tls() default TlsMode.NONE;

  /** PEM file(s) to trust, comma-separated: a path or {@code classpath:} a resource. */
  String trustCertificate() default "";

  /** A PKCS12 or JKS trust store (path or {@code classpath:}); password from configuration. */
  String trustStore() default "";

  /** The name the server's certificate must match, when it is not the host connected to. */
  String tlsHostName() default "";

  /** The name in the EHLO the extension sends itself under STARTTLS (default {@code localhost}). */
  String ehlo() default "";

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
