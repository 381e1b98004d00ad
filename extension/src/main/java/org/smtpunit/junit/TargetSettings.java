package org.smtpunit.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.smtpunit.Credentials;
import org.smtpunit.TlsMode;

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

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  /** A host and port, parsed from {@code host}, {@code host:port} or {@code [v6]:port}. */
  record HostPort(String host, int port) {
    @Override
    public String toString() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }

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
    String text = value.trim();
    String host = text;
    int port = defaultPort;
    if (text.startsWith("[")) {
      int end = text.indexOf(']');
      if (end < 0) {
        throw invalid(key, value, "an IPv6 address in brackets: [::1]:2525");
      }
      host = text.substring(1, end);
      if (text.length() > end + 1) {
        if (text.charAt(end + 1) != ':') {
          throw invalid(key, value, "host, host:port or [IPv6]:port");
        }
        port = port(key, value, text.substring(end + 2));
      }
    } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      host = text.substring(0, text.indexOf(':'));
      port = port(key, value, text.substring(text.indexOf(':') + 1));
    }
    if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ')) {
      throw invalid(key, value, "host, host:port or [IPv6]:port");
    }
    return new HostPort(host, port);
  }

  private static int port(String key, String value, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below with the key and value.
    }
    throw invalid(key, value, "a port from 1 to 65535");
  }

  private static int checkPort(String key, int port) {
    if (port < 1 || port > 65535) {
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
    String text = value.trim().toLowerCase(Locale.ROOT);
    Matcher matcher = DURATION.matcher(text);
    Duration duration = null;
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      duration =
          switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
          };
    } else {
      try {
        duration = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        // Reported below with the key and value.
      }
    }
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw invalid(key, value, "a positive duration such as 20s, 500ms, 2m or PT20S");
    }
    return duration;
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
