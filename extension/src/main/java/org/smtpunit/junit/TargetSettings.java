package org.smtpunit.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.smtpunit.Credentials;
import org.smtpunit.TlsMode;
import org.smtpunit.internal.Durations;
import org.smtpunit.internal.HostPort;

/**
 * Where a test's sessions go and how: the annotation, overridden by configuration parameters,
 * parsed once. A bad value fails with a message naming the key and the value.
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
    boolean trustAny,
    Path transcriptsDir,
    Optional<String> container,
    int containerPort) {

  static final String TARGET = "smtpunit.target";
  static final String MX = "smtpunit.mx";
  static final String TLS = "smtpunit.tls";
  static final String TRUST_ANY = "smtpunit.tls.trust-any";
  static final String CONNECT_TIMEOUT = "smtpunit.timeout.connect";
  static final String REPLY_TIMEOUT = "smtpunit.timeout.reply";
  static final String DNS_SERVER = "smtpunit.dns.server";
  static final String AUTH_USERNAME = "smtpunit.auth.username";
  static final String AUTH_PASSWORD = "smtpunit.auth.password";
  static final String PASSWORD_VARIABLE = "SMTPUNIT_AUTH_PASSWORD";
  static final String TRANSCRIPTS_DIR = "smtpunit.transcripts.dir";

  /** Whether sessions go to the embedded server. */
  boolean embedded() {
    return host.isEmpty() && mx.isEmpty() && container.isEmpty();
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
    Optional<String> host = Optional.of(annotation.value()).filter(v -> !v.isBlank());
    int port = checkPort("@SmtpTarget(port)", annotation.port());
    Optional<String> mx = Optional.of(annotation.mx()).filter(v -> !v.isBlank());
    Optional<String> container = Optional.of(annotation.container()).filter(v -> !v.isBlank());
    if (host.isPresent()) {
      HostPort parsed = hostPort("@SmtpTarget(value)", host.get(), port);
      host = Optional.of(parsed.host());
      port = parsed.port();
    }
    Optional<String> target = config.apply(TARGET).filter(v -> !v.isBlank());
    if (target.isPresent()) {
      HostPort parsed = hostPort(TARGET, target.get(), 25);
      host = Optional.of(parsed.host());
      port = parsed.port();
      mx = Optional.empty();
      container = Optional.empty();
    }
    Optional<String> mxOverride = config.apply(MX).filter(v -> !v.isBlank());
    if (mxOverride.isPresent()) {
      mx = mxOverride;
      host = Optional.empty();
      container = Optional.empty();
    }
    TlsMode tls = config.apply(TLS).map(v -> tlsMode(TLS, v)).orElse(annotation.tls());
    Optional<Duration> connect =
        config
            .apply(CONNECT_TIMEOUT)
            .or(() -> Optional.of(annotation.connectTimeout()).filter(v -> !v.isBlank()))
            .map(v -> duration(CONNECT_TIMEOUT, v));
    Optional<Duration> reply =
        config
            .apply(REPLY_TIMEOUT)
            .or(() -> Optional.of(annotation.replyTimeout()).filter(v -> !v.isBlank()))
            .map(v -> duration(REPLY_TIMEOUT, v));
    Optional<HostPort> dns = config.apply(DNS_SERVER).map(v -> hostPort(DNS_SERVER, v, 53));
    Optional<String> user = config.apply(AUTH_USERNAME).filter(v -> !v.isBlank());
    Optional<String> password =
        config.apply(AUTH_PASSWORD).or(() -> Optional.ofNullable(env.apply(PASSWORD_VARIABLE)));
    if (user.isPresent() && password.isEmpty()) {
      throw new ExtensionConfigurationException(
          AUTH_USERNAME
              + " is set but there is no password: set "
              + AUTH_PASSWORD
              + " or the environment variable "
              + PASSWORD_VARIABLE);
    }
    Optional<Credentials> credentials = user.map(u -> Credentials.of(u, password.get()));
    boolean trustAny = config.apply(TRUST_ANY).map(v -> bool(TRUST_ANY, v)).orElse(false);
    Path transcripts = Path.of(config.apply(TRANSCRIPTS_DIR).orElse("target/smtpunit"));
    return new TargetSettings(
        host,
        port,
        mx,
        tls,
        connect,
        reply,
        dns,
        credentials,
        trustAny,
        transcripts,
        container,
        checkPort("@SmtpTarget(containerPort)", annotation.containerPort()));
  }

  static HostPort hostPort(String key, String value, int defaultPort) {
    try {
      return HostPort.parse(value, defaultPort);
    } catch (IllegalArgumentException e) {
      throw invalid(key, e);
    }
  }

  private static int checkPort(String key, int port) {
    if (!HostPort.isPort(port)) {
      throw invalid(key, Integer.toString(port), "a port from 1 to 65535");
    }
    return port;
  }

  static TlsMode tlsMode(String key, String value) {
    String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (TlsMode mode : TlsMode.values()) {
      if (mode.name().equals(name)) {
        return mode;
      }
    }
    throw invalid(key, value, "one of none, starttls, starttls_if_offered, implicit");
  }

  static Duration duration(String key, String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw invalid(key, e);
    }
  }

  private static boolean bool(String key, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(key, value, "true or false");
    };
  }

  private static ExtensionConfigurationException invalid(
      String key, String value, String expected) {
    return new ExtensionConfigurationException(
        "Invalid SmtpUnit configuration " + key + "=[" + value + "]: expected " + expected);
  }

  /** For a parser whose message is {@code [value]: expected ...}. */
  private static ExtensionConfigurationException invalid(String key, IllegalArgumentException e) {
    return new ExtensionConfigurationException(
        "Invalid SmtpUnit configuration " + key + "=" + e.getMessage(), e);
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
