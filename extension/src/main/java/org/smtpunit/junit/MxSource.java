package org.smtpunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * One test per mail exchanger of a domain: for a {@code @ParameterizedTest}, provides each {@link
 * org.smtpunit.dns.MxRecord} of the domain in preference order, each invocation named after the
 * host and its preference ({@code [1] mail1.fabrikam.com (10)}). The lookup uses the same DNS
 * settings as {@link SmtpTarget}: the configuration parameter {@code smtpunit.dns.server} ({@code
 * host[:port]}), else the machine's resolver.
 *
 * <pre>{@code
 * @SmtpTarget
 * class EveryExchangerTest {
 *   @ParameterizedTest
 *   @MxSource("fabrikam.com")
 *   void greets(MxRecord exchanger, SmtpClient client) {
 *     try (SmtpSession smtp = client.open(exchanger, 25)) {
 *       assertThat(smtp.greeting()).hasCode(220);
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>A domain without MX records but with an address (the implicit MX of RFC 5321 §5.1) gives one
 * invocation, named after the domain itself. A null MX (RFC 7505), or a domain with neither MX nor
 * address, fails the test container with the DNS reason. Needs {@code junit-jupiter-params} on the
 * test classpath, as every {@code @ParameterizedTest} does.
 */
@Target({ElementType.ANNOTATION_TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(MxArgumentsProvider.class)
public @interface MxSource {

  /** The domain whose exchangers to test, e.g. {@code fabrikam.com}. */
  String value();
}
