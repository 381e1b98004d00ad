package org.smtpunit.junit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.smtpunit.Credentials;
import org.smtpunit.TlsMode;

/**
 * SmtpUnit's configuration parameters read exactly as the extension reads them, for runners and
 * helper extensions that must agree with it (the sample runner checks a whole run's configuration
 * with {@link #check} before any test starts).
 *
 * <pre>{@code
 * InetSocketAddress submission =
 *     SmtpConfiguration.hostPort("smtpunit.sample.auth.target", "hub.contoso.com:587", 25);
 * Duration timeout = SmtpConfiguration.duration("--timeout", "1.5s");
 * }</pre>
 *
 * <p>Every method throws {@link org.junit.jupiter.api.extension.ExtensionConfigurationException}
 * naming the key and the value (never a secret) when a value is malformed.
 */
public final class SmtpConfiguration {

  private SmtpConfiguration() {}

  /**
   * Parses {@code host}, {@code host:port}, a bare IPv6 address or {@code [v6]:port} into an
   * unresolved address.
   */
  public static InetSocketAddress hostPort(String key, String value, int defaultPort) {
    HostPort parsed = HostPort.parse(key, value, defaultPort);
    return InetSocketAddress.createUnresolved(parsed.host(), parsed.port());
  }

  /** Parses {@code 20s}, {@code 1.5s}, {@code 500ms}, {@code 0.5m}, {@code 1h} or {@code PT20S}. */
  public static Duration duration(String key, String value) {
    return ConfigValues.duration(key, value);
  }

  /** Parses {@code none}, {@code starttls}, {@code starttls_if_offered} or {@code implicit}. */
  public static TlsMode tlsMode(String key, String value) {
    return ConfigValues.tlsMode(key, value);
  }

  /**
   * The credentials of {@value SmtpTarget#AUTH_USERNAME_PROPERTY_NAME} with the password from
   * {@value SmtpTarget#AUTH_PASSWORD_PROPERTY_NAME} or {@value SmtpTarget#AUTH_PASSWORD_VARIABLE};
   * empty when no user is configured.
   */
  public static Optional<Credentials> credentials(Function<String, Optional<String>> config) {
    return TargetSettings.credentials(
        key -> config.apply(key).filter(v -> !v.isBlank()), System::getenv);
  }

  /**
   * Checks every SmtpUnit key of a run's configuration as a target-less {@code @SmtpTarget} class
   * would read it (and every named target's key), reading files it names (certificates, trust
   * stores) but opening no connection.
   *
   * @param parameters the run's configuration parameters
   * @param env reads an environment variable
   */
  public static void check(Map<String, String> parameters, Function<String, String> env) {
    Function<String, Optional<String>> config = key -> Optional.ofNullable(parameters.get(key));
    TargetSettings.of(Unconfigured.ANNOTATION, config, env);
    parameters.forEach(
        (key, value) -> {
          if (key.startsWith(SmtpTarget.NAMED_TARGET_PROPERTY_PREFIX) && !value.isBlank()) {
            HostPort.parse(key, value, 25);
          }
        });
  }

  @SmtpTarget
  private static final class Unconfigured {
    static final SmtpTarget ANNOTATION = Unconfigured.class.getAnnotation(SmtpTarget.class);
  }
}
