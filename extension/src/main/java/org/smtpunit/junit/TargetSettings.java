package org.smtpunit.junit;

import static org.smtpunit.junit.SmtpTarget.AUTH_PASSWORD_PROPERTY_NAME;
import static org.smtpunit.junit.SmtpTarget.AUTH_PASSWORD_VARIABLE;
import static org.smtpunit.junit.SmtpTarget.AUTH_SESSIONS_PROPERTY_NAME;
import static org.smtpunit.junit.SmtpTarget.AUTH_USERNAME_PROPERTY_NAME;
import static org.smtpunit.junit.SmtpTarget.CONNECT_TIMEOUT_PROPERTY_NAME;
import static org.smtpunit.junit.SmtpTarget.DNS_SERVER_PROPERTY_NAME;
import static org.smtpunit.junit.SmtpTarget.MX_PROPERTY_NAME;
import static org.smtpunit.junit.SmtpTarget.NAMED_TARGET_PROPERTY_PREFIX;
import static org.smtpunit.junit.SmtpTarget.REPLY_TIMEOUT_PROPERTY_NAME;
import static org.smtpunit.junit.SmtpTarget.TARGET_PROPERTY_NAME;
import static org.smtpunit.junit.SmtpTarget.TLS_PROPERTY_NAME;
import static org.smtpunit.junit.SmtpTarget.TRANSCRIPTS_DIR_PROPERTY_NAME;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.smtpunit.Credentials;
import org.smtpunit.TlsMode;

/**
 * Where a test's sessions go and how: the annotation, overridden by configuration parameters,
 * parsed once. A bad value fails with a message naming the key and the value.
 *
 * <p>Overrides keep a suite's shape: {@code smtpunit.target} replaces the host of classes that name
 * one (or none), and their port only when it gives one; classes connecting by MX follow {@code
 * smtpunit.mx} only; a named target's own key wins over {@code smtpunit.target}.
 */
record TargetSettings(
    Optional<String> host,
    int port,
    Optional<String> mx,
    TlsMode tls,
    Optional<Duration> connectTimeout,
    Optional<Duration> replyTimeout,
    Optional<HostPort> dnsServer,
    Optional<Credentials> credentials,
    boolean authenticateSessions,
    TrustSettings trust,
    Path transcriptsDir,
    Optional<String> container,
    int containerPort) {

  /** Why there are no credentials to inject: the keys that give them. */
  static final String NO_CREDENTIALS =
      "Credentials need "
          + AUTH_USERNAME_PROPERTY_NAME
          + " and "
          + AUTH_PASSWORD_PROPERTY_NAME
          + " (or the environment variable "
          + AUTH_PASSWORD_VARIABLE
          + ")";

  /** Whether sessions go to the embedded server. */
  boolean embedded() {
    return host.isEmpty() && mx.isEmpty() && container.isEmpty();
  }

  /** Whether the client trusts any certificate. */
  boolean trustAny() {
    return trust.trustAny();
  }

  /**
   * Merges the annotation with the configuration parameters (which win).
   *
   * @param config reads a configuration parameter
   * @param env reads an environment variable
   */
  static TargetSettings of(
      SmtpTarget annotation,
      Function<String, Optional<String>> config,
      Function<String, String> env) {
    Function<String, Optional<String>> setting = key -> config.apply(key).filter(v -> !v.isBlank());
    Optional<String> host = blankless(annotation.value());
    int port = ConfigValues.checkPort("@SmtpTarget(port)", annotation.port());
    Optional<String> mx = blankless(annotation.mx());
    Optional<String> container = blankless(annotation.container());
    if (host.isPresent() && (mx.isPresent() || container.isPresent())) {
      throw new ExtensionConfigurationException(
          "@SmtpTarget names two targets: value = \""
              + annotation.value()
              + "\" and "
              + (mx.isPresent()
                  ? "mx = \"" + annotation.mx() + "\""
                  : "container = \"" + annotation.container() + "\"")
              + "; keep one of them");
    }
    if (mx.isPresent() && container.isPresent()) {
      throw new ExtensionConfigurationException(
          "@SmtpTarget names two targets: mx = \""
              + annotation.mx()
              + "\" and container = \""
              + annotation.container()
              + "\"; keep one of them");
    }
    if (host.isPresent()) {
      HostPort parsed = HostPort.parse("@SmtpTarget(value)", host.get(), port);
      host = Optional.of(parsed.host());
      port = parsed.port();
    }
    if (mx.isPresent()) {
      mx = setting.apply(MX_PROPERTY_NAME).or(() -> Optional.of(annotation.mx()));
    } else {
      String key = TARGET_PROPERTY_NAME;
      Optional<String> override = Optional.empty();
      if (!annotation.name().isBlank()) {
        key = NAMED_TARGET_PROPERTY_PREFIX + annotation.name().trim();
        override = setting.apply(key);
      }
      if (override.isEmpty()) {
        key = TARGET_PROPERTY_NAME;
        override = setting.apply(key);
      }
      Optional<String> mxOverride = setting.apply(MX_PROPERTY_NAME);
      if (host.isEmpty() && container.isEmpty() && mxOverride.isPresent()) {
        mx = mxOverride;
      } else if (override.isPresent()) {
        int defaultPort = container.isPresent() ? 25 : port;
        HostPort parsed = HostPort.parse(key, override.get(), defaultPort);
        host = Optional.of(parsed.host());
        port = parsed.port();
        container = Optional.empty();
      }
    }
    TlsMode tls =
        setting
            .apply(TLS_PROPERTY_NAME)
            .map(v -> ConfigValues.tlsMode(TLS_PROPERTY_NAME, v))
            .orElse(annotation.tls());
    Optional<Duration> connect =
        setting
            .apply(CONNECT_TIMEOUT_PROPERTY_NAME)
            .or(() -> blankless(annotation.connectTimeout()))
            .map(v -> ConfigValues.duration(CONNECT_TIMEOUT_PROPERTY_NAME, v));
    Optional<Duration> reply =
        setting
            .apply(REPLY_TIMEOUT_PROPERTY_NAME)
            .or(() -> blankless(annotation.replyTimeout()))
            .map(v -> ConfigValues.duration(REPLY_TIMEOUT_PROPERTY_NAME, v));
    Optional<HostPort> dns =
        setting
            .apply(DNS_SERVER_PROPERTY_NAME)
            .map(v -> HostPort.parse(DNS_SERVER_PROPERTY_NAME, v, 53));
    Optional<Credentials> credentials = credentials(setting, env);
    boolean authenticate =
        setting
            .apply(AUTH_SESSIONS_PROPERTY_NAME)
            .map(v -> ConfigValues.bool(AUTH_SESSIONS_PROPERTY_NAME, v))
            .orElse(false);
    if (authenticate && credentials.isEmpty()) {
      throw new ExtensionConfigurationException(
          AUTH_SESSIONS_PROPERTY_NAME
              + "=true needs credentials: set "
              + AUTH_USERNAME_PROPERTY_NAME
              + " and the environment variable "
              + AUTH_PASSWORD_VARIABLE);
    }
    Path transcripts =
        Path.of(setting.apply(TRANSCRIPTS_DIR_PROPERTY_NAME).orElse("target/smtpunit"));
    return new TargetSettings(
        host,
        port,
        mx,
        tls,
        connect,
        reply,
        dns,
        credentials,
        authenticate,
        TrustSettings.of(annotation, config, env),
        transcripts,
        container,
        ConfigValues.checkPort("@SmtpTarget(containerPort)", annotation.containerPort()));
  }

  static Optional<Credentials> credentials(
      Function<String, Optional<String>> setting, Function<String, String> env) {
    Optional<String> user = setting.apply(AUTH_USERNAME_PROPERTY_NAME);
    Optional<String> password =
        setting
            .apply(AUTH_PASSWORD_PROPERTY_NAME)
            .or(() -> Optional.ofNullable(env.apply(AUTH_PASSWORD_VARIABLE)))
            .filter(p -> !p.isEmpty());
    if (user.isPresent() && password.isEmpty()) {
      throw new ExtensionConfigurationException(
          AUTH_USERNAME_PROPERTY_NAME
              + " is set but there is no password: set "
              + AUTH_PASSWORD_PROPERTY_NAME
              + " or the environment variable "
              + AUTH_PASSWORD_VARIABLE);
    }
    return user.map(u -> Credentials.of(u, password.get()));
  }

  private static Optional<String> blankless(String value) {
    return Optional.of(value).filter(v -> !v.isBlank());
  }

  /** Names the target for messages, without secrets. */
  String describe() {
    if (container.isPresent()) {
      return "container " + container.get() + " port " + containerPort;
    }
    if (mx.isPresent()) {
      return "MX of " + mx.get() + " port " + port;
    }
    return host.map(h -> new HostPort(h, port).toString()).orElse("the embedded server");
  }
}
