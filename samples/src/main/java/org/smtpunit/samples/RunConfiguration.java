package org.smtpunit.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.smtpunit.junit.SmtpConfiguration;
import org.smtpunit.junit.SmtpTarget;

/**
 * Turns the runner's options into the run's configuration parameters and checks all of them before
 * any check runs: every mistake is one {@link UsageException}, never eleven failures.
 */
final class RunConfiguration {

  /** Keys whose values are secrets: refused on the command line. */
  private static final Map<String, String> SECRETS =
      Map.of(
          SmtpTarget.AUTH_PASSWORD_PROPERTY_NAME,
          SmtpTarget.AUTH_PASSWORD_VARIABLE + " or --auth-password-file FILE",
          SmtpTarget.TLS_TRUST_STORE_PASSWORD_PROPERTY_NAME,
          SmtpTarget.TRUST_STORE_PASSWORD_VARIABLE);

  private final Map<String, String> parameters = new LinkedHashMap<>();
  private final Function<String, String> env;

  RunConfiguration(Function<String, String> env) {
    this.env = env;
  }

  Map<String, String> parameters() {
    return parameters;
  }

  void put(String key, String value) {
    if (value != null) {
      parameters.put(key, value);
    }
  }

  /** {@code --target}, {@code --dns-server}: checked by the extension's own parser. */
  void putHostPort(String option, String key, String value, int defaultPort) {
    if (value != null) {
      check(() -> SmtpConfiguration.hostPort(option, value, defaultPort));
      parameters.put(key, value);
    }
  }

  /** {@code --timeout}: both the connect and the reply timeout. */
  void putTimeout(String value) {
    if (value != null) {
      Duration timeout = check(() -> SmtpConfiguration.duration("--timeout", value));
      parameters.put(SmtpTarget.CONNECT_TIMEOUT_PROPERTY_NAME, timeout.toString());
      parameters.put(SmtpTarget.REPLY_TIMEOUT_PROPERTY_NAME, timeout.toString());
    }
  }

  /** {@code --config key=value} entries, refusing secrets. */
  void putAll(Map<String, String> config) {
    config.forEach(
        (key, value) -> {
          String where = SECRETS.get(key.trim());
          if (where != null) {
            throw new UsageException(
                "refusing "
                    + key.trim()
                    + " on the command line: it would show in process lists and in the reports'"
                    + " sun.java.command; use "
                    + where);
          }
          parameters.put(key.trim(), value);
        });
  }

  /** {@code --auth-user}: every session authenticates; the password never on the command line. */
  void putAuthentication(String user, Path passwordFile) {
    if (user == null) {
      if (passwordFile != null) {
        throw new UsageException("--auth-password-file needs --auth-user");
      }
      return;
    }
    parameters.put(SmtpTarget.AUTH_USERNAME_PROPERTY_NAME, user);
    parameters.put(SmtpTarget.AUTH_SESSIONS_PROPERTY_NAME, "true");
    if (passwordFile != null) {
      try {
        List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
          throw new UsageException("--auth-password-file " + passwordFile + " is empty");
        }
        // In-process only: configuration parameters are not written to any report.
        parameters.put(SmtpTarget.AUTH_PASSWORD_PROPERTY_NAME, lines.get(0));
      } catch (IOException e) {
        throw new UsageException("cannot read --auth-password-file " + passwordFile + ": " + e);
      }
    } else if (!isBlank(env.apply(SmtpTarget.AUTH_PASSWORD_VARIABLE))) {
      parameters.put(
          SmtpTarget.AUTH_PASSWORD_PROPERTY_NAME, env.apply(SmtpTarget.AUTH_PASSWORD_VARIABLE));
    } else {
      throw new UsageException(
          "--auth-user "
              + user
              + " needs a password: set the environment variable "
              + SmtpTarget.AUTH_PASSWORD_VARIABLE
              + " or use --auth-password-file FILE");
    }
  }

  /** Checks the whole configuration as the extension and the samples will read it. */
  void check() {
    check(
        () -> {
          SmtpConfiguration.check(parameters, env);
          return null;
        });
    String recipients = parameters.get(RecipientMatrixTest.RECIPIENTS_KEY);
    if (recipients != null && !recipients.isBlank()) {
      try {
        Recipients.read(Path.of(recipients));
      } catch (Recipients.MalformedException e) {
        throw new UsageException(e.getMessage());
      }
    }
    String authTarget = parameters.get("smtpunit.sample.auth.target");
    if (authTarget != null) {
      check(() -> SmtpConfiguration.hostPort("smtpunit.sample.auth.target", authTarget, 25));
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isEmpty();
  }

  private static <T> T check(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ExtensionConfigurationException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
